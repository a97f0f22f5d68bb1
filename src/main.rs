fn main() {
    std::process::exit(critique_lint::run_cli());
}
