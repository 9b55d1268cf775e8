//! Headless drawing: a state drawn by the same view code into a buffer, then printed as plain
//! text or as an SVG that keeps colours and styles (for `debate render` and screenshots/).

use std::fmt::Write as _;

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use crate::state::State;
use crate::ui;

/// Draws the state on a `width`×`height` screen.
pub fn draw(state: &State, width: u16, height: u16) -> Buffer {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    ui::render(state, area, &mut buf);
    buf
}

/// The cells of a row as (column, symbol, style), leaving out the cells hidden by wide glyphs.
fn row_cells(buf: &Buffer, y: u16) -> Vec<(u16, &str, Style)> {
    let mut cells = Vec::new();
    let mut x = 0;
    while x < buf.area.width {
        let cell = &buf[(x, y)];
        let symbol = cell.symbol();
        cells.push((x, symbol, cell.style()));
        x += symbol.cell_width().max(1);
    }
    cells
}

/// The screen as text, one line per row, trailing spaces removed.
pub fn to_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let line: String = row_cells(buf, y).into_iter().map(|(_, s, _)| s).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

const CELL_W: f32 = 8.4;
const CELL_H: f32 = 18.0;
const FG: &str = "#d8dee9";
const BG: &str = "#16181d";

/// A terminal palette for the named colours (close to a common dark theme).
fn hex(color: Color, default: &str) -> String {
    let named = match color {
        Color::Reset => return default.to_owned(),
        Color::Black => "#1d2026",
        Color::Red => "#e06c75",
        Color::Green => "#98c379",
        Color::Yellow => "#e5c07b",
        Color::Blue => "#61afef",
        Color::Magenta => "#c678dd",
        Color::Cyan => "#56b6c2",
        Color::Gray => "#abb2bf",
        Color::DarkGray => "#5c6370",
        Color::LightRed => "#f28b82",
        Color::LightGreen => "#b5e08d",
        Color::LightYellow => "#f6d58e",
        Color::LightBlue => "#8ec9ff",
        Color::LightMagenta => "#e3a4f0",
        Color::LightCyan => "#8de0ea",
        Color::White => "#eceff4",
        Color::Rgb(r, g, b) => return format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(i) => return format!("#{i:02x}{i:02x}{i:02x}"),
    };
    named.to_owned()
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// SVG attributes for a text style: fill, weight, slant, strike-through, dimming.
fn text_attrs(style: Style, fg: Color, reversed: bool) -> String {
    let mut attrs = format!(r#" fill="{}""#, hex(fg, if reversed { BG } else { FG }));
    if style.add_modifier.contains(Modifier::BOLD) {
        attrs.push_str(r#" font-weight="bold""#);
    }
    if style.add_modifier.contains(Modifier::ITALIC) {
        attrs.push_str(r#" font-style="italic""#);
    }
    if style.add_modifier.contains(Modifier::CROSSED_OUT) {
        attrs.push_str(r#" text-decoration="line-through""#);
    }
    if style.add_modifier.contains(Modifier::DIM) {
        attrs.push_str(r#" opacity="0.6""#);
    }
    attrs
}

/// A cell's colours after REVERSED is applied.
fn colours(style: Style) -> (Color, Color, bool) {
    let reversed = style.add_modifier.contains(Modifier::REVERSED);
    let (fg, bg) = (
        style.fg.unwrap_or(Color::Reset),
        style.bg.unwrap_or(Color::Reset),
    );
    if reversed {
        (bg, fg, true)
    } else {
        (fg, bg, false)
    }
}

/// The screen as an SVG image with a monospace grid: backgrounds, colours, bold, italic and
/// underline. Each run of equally styled cells is one `<text>` with a position per character,
/// so the grid holds whatever font the viewer substitutes.
pub fn to_svg(buf: &Buffer) -> String {
    let width = f32::from(buf.area.width) * CELL_W;
    let height = f32::from(buf.area.height) * CELL_H;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.1} {height:.1}">"#
    );
    let _ = writeln!(
        svg,
        r#"<style>text{{font-family:"DejaVu Sans Mono","Menlo","Consolas",monospace;font-size:14px;white-space:pre}}</style>"#
    );
    let _ = writeln!(svg, r#"<rect width="100%" height="100%" fill="{BG}"/>"#);
    for row in 0..buf.area.height {
        let cells = row_cells(buf, row);
        let top = f32::from(row) * CELL_H;
        svg_backgrounds(&mut svg, &cells, top);
        svg_text(&mut svg, &cells, top + CELL_H * 0.75);
    }
    svg.push_str("</svg>\n");
    svg
}

/// The end column of the run of cells styled like `cells[start]`, and the index after it.
fn run_end(cells: &[(u16, &str, Style)], start: usize, blank_ends: bool) -> (u16, usize) {
    let style = cells[start].2;
    let mut next = start;
    let mut end = cells[start].0;
    while next < cells.len()
        && cells[next].2 == style
        && !(blank_ends && cells[next].1.trim().is_empty())
    {
        end = cells[next].0 + cells[next].1.cell_width().max(1);
        next += 1;
    }
    (end, next)
}

/// Background rectangles and underlines of a row, merged over equally styled neighbours.
fn svg_backgrounds(svg: &mut String, cells: &[(u16, &str, Style)], top: f32) {
    let mut at = 0;
    while at < cells.len() {
        let (col, _, style) = cells[at];
        let (end, next) = run_end(cells, at, false);
        let (fg, bg, reversed) = colours(style);
        let left = f32::from(col) * CELL_W;
        let span = f32::from(end - col) * CELL_W;
        let fill = if reversed && bg == Color::Reset {
            FG.to_owned()
        } else {
            hex(bg, BG)
        };
        if fill != BG {
            let _ = writeln!(
                svg,
                r#"<rect x="{left:.1}" y="{top:.1}" width="{span:.1}" height="{CELL_H:.1}" fill="{fill}"/>"#
            );
        }
        // Underlines are drawn as lines so they run through spaces, as in a terminal.
        if style.add_modifier.contains(Modifier::UNDERLINED) {
            let colour = hex(fg, if reversed { BG } else { FG });
            let _ = writeln!(
                svg,
                r#"<rect x="{left:.1}" y="{:.1}" width="{span:.1}" height="1" fill="{colour}"/>"#,
                top + CELL_H - 3.0
            );
        }
        at = next;
    }
}

/// The text of a row: one `<text>` per run of equally styled, non-blank cells.
fn svg_text(svg: &mut String, cells: &[(u16, &str, Style)], baseline: f32) {
    let mut at = 0;
    while at < cells.len() {
        if cells[at].1.trim().is_empty() {
            at += 1;
            continue;
        }
        let style = cells[at].2;
        let (_, next) = run_end(cells, at, true);
        let mut positions = Vec::new();
        let mut content = String::new();
        for &(col, symbol, _) in &cells[at..next] {
            // One position per character: a cluster's extra characters share its cell.
            for (nth, _) in symbol.chars().enumerate() {
                let offset = if nth == 0 { 0.0 } else { 0.01 };
                positions.push(format!("{:.1}", f32::from(col) * CELL_W + offset));
            }
            content.push_str(symbol);
        }
        let (fg, _, reversed) = colours(style);
        let _ = writeln!(
            svg,
            r#"<text x="{}" y="{baseline:.1}"{}>{}</text>"#,
            positions.join(" "),
            text_attrs(style, fg, reversed),
            escape(&content)
        );
        at = next;
    }
}
