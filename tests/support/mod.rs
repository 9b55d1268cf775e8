//! One pseudo-terminal harness for every end-to-end test: the real binary in a pty, its screen
//! kept by a terminal emulator (vt100), polled rather than slept on, and killed if a test fails.
//!
//! Each test binary that needs it says `mod support;`. Not every binary uses every helper, hence
//! the `dead_code` allowance.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used, dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, kill};
use nix::sys::termios::Termios;
use nix::unistd::Pid;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long a wait may take before the test fails, unless the test sets its own
/// ([`App::with_timeout`]): long enough for a debug build with every core busy.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// Held from opening a pseudo-terminal until its descriptors are close-on-exec and its program
/// is spawned. `openpty` cannot open them close-on-exec, so a program spawned by a test running
/// in parallel inside that window inherits them: a master held open by a stranger keeps a
/// terminal alive after the test closes it (the hang-up never comes) and lets the stranger's
/// terminal fill up unread (its writes block). Every pty test takes this lock.
pub static PTY_SPAWN: Mutex<()> = Mutex::new(());

/// Takes [`PTY_SPAWN`], even after a test panicked while holding it.
pub fn pty_spawn_lock() -> std::sync::MutexGuard<'static, ()> {
    PTY_SPAWN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// How often a wait looks at the screen again.
const POLL: Duration = Duration::from_millis(10);

/// The binary in a pseudo-terminal, its screen kept by a terminal emulator.
pub struct App {
    pub master: Box<dyn MasterPty + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    pub parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, to check what it never did.
    pub raw: Arc<Mutex<Vec<u8>>>,
    /// The terminal's modes before the program started.
    before: Termios,
    /// Where this run saves its place when the test did not name a directory; removed with
    /// the app.
    own_state_dir: Option<tempfile::TempDir>,
    timeout: Duration,
}

impl Drop for App {
    /// A failed test must not leave its program running.
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

pub fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl App {
    /// The binary with `args` and `env` in a `cols`x`rows` terminal, remembering its place in
    /// a fresh directory of its own, so no run sees another's.
    pub fn spawn(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Self {
        let state_dir = tempfile::tempdir().unwrap();
        let mut app = Self::spawn_with_state(state_dir.path(), args, env, cols, rows);
        app.own_state_dir = Some(state_dir);
        app
    }

    /// The binary remembering its place in `state_dir`, which outlives the app: for tests of
    /// what a second run finds.
    pub fn spawn_with_state(
        state_dir: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Self {
        Self::launch(
            env!("CARGO_BIN_EXE_debate"),
            state_dir,
            args,
            env,
            cols,
            rows,
        )
    }

    /// An interactive shell with job control (prompt `shell$ `) in the environment the binary
    /// would get: for tests of Ctrl-z and `fg`, which need a shell to stop to.
    pub fn spawn_shell(cols: u16, rows: u16) -> Self {
        let state_dir = tempfile::tempdir().unwrap();
        let args = ["--norc", "--noprofile", "-i"];
        let env = [("PS1", "shell$ ")];
        let mut app = Self::launch("bash", state_dir.path(), &args, &env, cols, rows);
        app.own_state_dir = Some(state_dir);
        app
    }

    fn launch(
        program: &str,
        state_dir: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Self {
        let spawning = pty_spawn_lock();
        let pair = native_pty_system().openpty(size(cols, rows)).unwrap();
        let before = pair.master.get_termios().unwrap();
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        // A backtrace would scroll the panic message off a 24-row screen.
        cmd.env("RUST_BACKTRACE", "0");
        cmd.env("DEBATE_STATE_DIR", state_dir);
        // The user's own configuration must not change what a test sees.
        cmd.env_remove("DEBATE_CONFIG");
        cmd.env("XDG_CONFIG_HOME", state_dir.join("config"));
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        drop(spawning);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            rows.try_into().unwrap(),
            cols.try_into().unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (p, r) = (Arc::clone(&parser), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Self {
            master: pair.master,
            child,
            writer,
            parser,
            raw,
            before,
            own_state_dir: None,
            timeout: TIMEOUT,
        }
    }

    /// The same app, whose waits give up after `timeout` instead of [`TIMEOUT`].
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The screen's contents as the emulator holds them.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// The screen as a person sees it: a written blank and an untouched cell look the same, so
    /// trailing blanks are dropped.
    pub fn text(&self) -> String {
        self.screen()
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The screen cell by cell with colours and attributes, as a person sees it: a written
    /// blank and an untouched cell are the same, however the program reached that screen, and
    /// so are blanks that differ only in what a blank does not show (its foreground colour,
    /// bold, dim, italic: the cell a wide character left behind keeps some terminals' old
    /// foreground).
    pub fn formatted(&self) -> String {
        use std::fmt::Write as _;
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        let (rows, cols) = (rows.get(), cols.get());
        let describe = |fg: vt100::Color, bg: vt100::Color, flags: [bool; 5]| {
            format!("{fg:?} {bg:?} {flags:?}")
        };
        let style = |c: &vt100::Cell| {
            if c.has_contents() && c.contents() != " " {
                let flags = [c.bold(), c.dim(), c.italic(), c.underline(), c.inverse()];
                describe(c.fgcolor(), c.bgcolor(), flags)
            } else {
                // An inverse blank shows its foreground as background.
                let fg = if c.inverse() {
                    c.fgcolor()
                } else {
                    vt100::Color::Default
                };
                describe(
                    fg,
                    c.bgcolor(),
                    [false, false, false, c.underline(), c.inverse()],
                )
            }
        };
        let plain = describe(vt100::Color::Default, vt100::Color::Default, [false; 5]);
        let mut out = String::new();
        for row in 0..rows {
            let mut cells: Vec<(&str, String)> = (0..cols)
                .filter_map(|col| screen.cell(row, col))
                .filter(|c| !c.is_wide_continuation())
                .map(|c| (if c.has_contents() { c.contents() } else { " " }, style(c)))
                .collect();
            while cells.last().is_some_and(|(t, s)| *t == " " && *s == plain) {
                cells.pop();
            }
            let mut current = plain.clone();
            for (text, cell_style) in cells {
                if cell_style != current {
                    let _ = write!(out, "<{cell_style}>");
                    current = cell_style;
                }
                out.push_str(text);
            }
            out.push('\n');
        }
        out
    }

    /// Polls the emulated screen until `done` holds of it; fails with the screen after the
    /// timeout.
    pub fn wait_for_screen(&self, what: &str, done: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        while start.elapsed() < self.timeout {
            if done(self.parser.lock().unwrap().screen()) {
                return;
            }
            std::thread::sleep(POLL);
        }
        panic!(
            "timed out waiting for {what}; the screen shows:\n{}",
            self.screen()
        );
    }

    /// Polls until `done` holds of the screen's text ([`App::text`]).
    pub fn wait_for(&self, what: &str, done: impl Fn(&str) -> bool) {
        let start = Instant::now();
        while start.elapsed() < self.timeout {
            if done(&self.text()) {
                return;
            }
            std::thread::sleep(POLL);
        }
        panic!(
            "timed out waiting for {what}; the screen shows:\n{}",
            self.text()
        );
    }

    /// Waits until `view` of the screen equals `expected`; on timeout, fails with the rows that
    /// differ.
    pub fn wait_until(&self, what: &str, view: impl Fn(&Self) -> String, expected: &str) {
        let start = Instant::now();
        while start.elapsed() < self.timeout {
            if view(self) == expected {
                return;
            }
            std::thread::sleep(POLL);
        }
        panic!(
            "{what}: the screen differs from the expected one:\n{}\n-- the screen --\n{}",
            differences(expected, &view(self)),
            self.text()
        );
    }

    /// Waits until the screen's text equals `expected`.
    pub fn wait_until_text_is(&self, what: &str, expected: &str) {
        self.wait_until(what, Self::text, expected);
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Resizes the emulator, then the terminal: the program redraws on the terminal's signal,
    /// and that drawing must find the emulator already at the new size.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows.try_into().unwrap(), cols.try_into().unwrap());
        self.master.resize(size(cols, rows)).unwrap();
    }

    pub fn signal(&self, signal: Signal) {
        let pid = self.child.process_id().unwrap();
        kill(Pid::from_raw(i32::try_from(pid).unwrap()), signal).unwrap();
    }

    /// Whether the program still runs.
    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    /// Waits for the program to end and returns its exit code.
    pub fn exit_code(&mut self) -> u32 {
        let start = Instant::now();
        while start.elapsed() < self.timeout {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread take in the last bytes written.
                std::thread::sleep(Duration::from_millis(50));
                return status.exit_code();
            }
            std::thread::sleep(POLL);
        }
        let _ = self.child.kill();
        panic!(
            "the program did not exit; the screen shows:\n{}",
            self.screen()
        );
    }

    /// Sends `q` and waits for a clean exit.
    pub fn quit(mut self) {
        self.send("q");
        assert_eq!(self.exit_code(), 0, "exit status after q");
    }

    pub fn is_raw(&self) -> bool {
        let now = self.master.get_termios().unwrap();
        !now.local_flags
            .contains(nix::sys::termios::LocalFlags::ICANON)
    }

    /// The terminal is as it was: modes, main screen, cursor shown, no mouse reporting.
    pub fn assert_restored(&self) {
        let now = self.master.get_termios().unwrap();
        assert_eq!(
            now.local_flags, self.before.local_flags,
            "local modes (echo, canonical…)"
        );
        assert_eq!(now.input_flags, self.before.input_flags, "input modes");
        assert_eq!(now.output_flags, self.before.output_flags, "output modes");
        assert_eq!(
            now.control_flags, self.before.control_flags,
            "control modes"
        );
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "the cursor is still hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse still reported"
        );
    }

    /// Whether the program ever wrote `needle`.
    pub fn wrote(&self, needle: &[u8]) -> bool {
        self.raw
            .lock()
            .unwrap()
            .windows(needle.len())
            .any(|w| w == needle)
    }

    /// CPU time the program has used so far, in nanoseconds: its process CPU clock, which
    /// counts every thread, those that already ended included. (A sum over the threads alive
    /// drops when one ends: the search's scoped threads end every few milliseconds, and a
    /// program at work then looked idle.)
    pub fn cpu_time(&self) -> u64 {
        let pid = self.child.process_id().unwrap();
        let pid = Pid::from_raw(i32::try_from(pid).unwrap());
        let Ok(clock) = nix::time::clock_getcpuclockid(pid) else {
            return 0;
        };
        clock.now().map_or(0, |t| {
            u64::try_from(t.tv_sec()).unwrap() * 1_000_000_000 + u64::try_from(t.tv_nsec()).unwrap()
        })
    }

    /// Waits until the program is idle: for `quiet` the screen did not change and the program
    /// used at most `idle_cpu_nanos` of CPU (it sleeps between its ticks; a program that works,
    /// or waits for a core, does not count as idle). Returns the screen (text, formatted).
    pub fn wait_idle(&self, what: &str, quiet: Duration, idle_cpu_nanos: u64) -> (String, String) {
        let start = Instant::now();
        let mut seen = self.formatted();
        let (mut since, mut cpu_since) = (Instant::now(), self.cpu_time());
        while start.elapsed() < self.timeout {
            std::thread::sleep(Duration::from_millis(20));
            let (now, cpu) = (self.formatted(), self.cpu_time());
            if now != seen || cpu.saturating_sub(cpu_since) > idle_cpu_nanos {
                seen = now;
                (since, cpu_since) = (Instant::now(), cpu);
            } else if since.elapsed() >= quiet {
                return (self.text(), seen);
            }
        }
        panic!(
            "{what}: the program never went idle ({quiet:?} without a change of screen and with \
             at most {idle_cpu_nanos} ns of CPU) in {:?}; it shows:\n{}",
            self.timeout,
            self.text()
        );
    }
}

/// The rows where two screens differ, for a failure message.
pub fn differences(expected: &str, actual: &str) -> String {
    let (expected, actual): (Vec<&str>, Vec<&str>) =
        (expected.lines().collect(), actual.lines().collect());
    (0..expected.len().max(actual.len()))
        .filter_map(|i| {
            let (e, a) = (expected.get(i), actual.get(i));
            (e != a).then(|| format!("row {i}\n  expected {e:?}\n  actual   {a:?}"))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Keeps every core busy until dropped: end-to-end tests must pass on a loaded machine.
pub struct CpuLoad {
    stop: Arc<AtomicBool>,
    threads: Vec<JoinHandle<()>>,
}

impl CpuLoad {
    pub fn start() -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        let threads = (0..cores)
            .map(|_| {
                let stop = Arc::clone(&stop);
                std::thread::spawn(move || {
                    let mut x = 1u64;
                    while !stop.load(Ordering::Relaxed) {
                        x = std::hint::black_box(x.wrapping_mul(6_364_136_223_846_793_005) ^ 1);
                    }
                })
            })
            .collect();
        Self { stop, threads }
    }
}

impl Drop for CpuLoad {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
    }
}
