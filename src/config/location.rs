//! Where the user's config file is: `--config FILE`, else `DEBATE_CONFIG`, else
//! `config.toml` in the platform's config directory (`$XDG_CONFIG_HOME/debate`, by default
//! `~/.config/debate`, on Unix and macOS alike).

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;

/// The environment variable that names a config file.
pub const ENV_VAR: &str = "DEBATE_CONFIG";
/// The file's name inside the config directory.
pub const FILE_NAME: &str = "config.toml";

/// How the path was chosen; a path the user named must exist, the default need not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// `--config FILE`.
    Flag,
    /// The `DEBATE_CONFIG` environment variable.
    Env,
    /// The platform's config directory.
    Default,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    pub origin: Origin,
}

impl Location {
    /// Whether a missing file is an error: only when the user named it.
    pub fn must_exist(&self) -> bool {
        self.origin != Origin::Default
    }
}

/// The config file to read, from the flag, the environment variable's value and the
/// platform's config directory, in that order of precedence. An empty `DEBATE_CONFIG`
/// counts as unset. `None` only when no directory is known either (no home directory).
pub fn locate(
    flag: Option<&Path>,
    env_value: Option<&OsStr>,
    config_dir: Option<&Path>,
) -> Option<Location> {
    if let Some(path) = flag {
        return Some(Location {
            path: path.to_path_buf(),
            origin: Origin::Flag,
        });
    }
    if let Some(value) = env_value.filter(|v| !v.is_empty()) {
        return Some(Location {
            path: PathBuf::from(value),
            origin: Origin::Env,
        });
    }
    config_dir.map(|dir| Location {
        path: dir.join("debate").join(FILE_NAME),
        origin: Origin::Default,
    })
}

/// The platform's base config directory (`$XDG_CONFIG_HOME`, else `~/.config`; Windows'
/// roaming `AppData`), or `None` without a home directory.
pub fn platform_config_dir() -> Option<PathBuf> {
    etcetera::choose_base_strategy()
        .ok()
        .map(|strategy| strategy.config_dir())
}

/// [`locate`] with this process's `DEBATE_CONFIG` and platform directory.
pub fn locate_from_env(flag: Option<&Path>) -> Option<Location> {
    let env_value = std::env::var_os(ENV_VAR);
    locate(flag, env_value.as_deref(), platform_config_dir().as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins_then_the_variable_then_the_directory() {
        let flag = Path::new("/a/flag.toml");
        let env = OsStr::new("/b/env.toml");
        let dir = Path::new("/home/u/.config");
        let at = |f, e, d| locate(f, e, d).map(|l| (l.path, l.origin));
        assert_eq!(
            at(Some(flag), Some(env), Some(dir)),
            Some((flag.into(), Origin::Flag))
        );
        assert_eq!(
            at(None, Some(env), Some(dir)),
            Some((env.into(), Origin::Env))
        );
        let default = PathBuf::from("/home/u/.config/debate/config.toml");
        assert_eq!(
            at(None, None, Some(dir)),
            Some((default.clone(), Origin::Default))
        );
        assert_eq!(
            at(None, Some(OsStr::new("")), Some(dir)),
            Some((default, Origin::Default))
        );
        assert_eq!(at(None, None, None), None);
    }

    #[test]
    fn only_a_named_file_must_exist() {
        let named = locate(Some(Path::new("x")), None, None);
        assert!(named.is_some_and(|l| l.must_exist()));
        let default = locate(None, None, Some(Path::new("/c")));
        assert!(default.is_some_and(|l| !l.must_exist()));
    }
}
