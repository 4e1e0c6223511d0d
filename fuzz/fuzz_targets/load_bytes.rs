//! Raw bytes into the loader. Whatever loads must write JSON that loads
//! back to the same graph; whatever does not must fail with an error, never
//! a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The loader reads text; bytes that are not UTF-8 go through the lossy
    // decoding too, so that the rest of the input still reaches the parser.
    match std::str::from_utf8(data) {
        Ok(text) => partnership_fuzz::load_and_round_trip(text),
        Err(_) => partnership_fuzz::load_and_round_trip(&String::from_utf8_lossy(data)),
    }
});
