//! The installed `mizzle` command: migrate, down, status, check and export. `generate`
//! runs through the application's own binary, which knows its schema.

fn main() -> std::process::ExitCode {
    mizzle_kit::cli::main()
}
