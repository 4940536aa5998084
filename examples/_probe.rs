fn main() {
    for s in std::env::args().skip(1) {
        for q in factdiff::extract::quantity::quantities(&s) {
            println!("{:?}", q);
        }
    }
}
