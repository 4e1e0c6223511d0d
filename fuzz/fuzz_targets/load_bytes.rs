//! Raw bytes into the loader. Whatever loads must write JSON that loads
//! back to the same graph; whatever does not must fail with an error, never
//! a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    partnership_fuzz::load_bytes_and_round_trip(data);
    // Bytes that are not UTF-8 stop at the first bad byte; decoded lossily,
    // the rest of the input still reaches the parser and the model checks.
    if std::str::from_utf8(data).is_err() {
        partnership_fuzz::load_and_round_trip(&String::from_utf8_lossy(data));
    }
});
