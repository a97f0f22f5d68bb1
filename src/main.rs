fn main() {
    std::process::exit(critique_lint::cli::main());
}
