//! Minifies the sidebar stylesheet into OUT_DIR: the readable `src/web/sidebar.css` stays the
//! source, the wasm carries ~30 % fewer bytes of it (the package has a 150 KB budget).

use std::{env, fs, path::PathBuf};

fn main() {
    let source = "src/web/sidebar.css";
    println!("cargo:rerun-if-changed={source}");
    let css = fs::read_to_string(source).expect("read src/web/sidebar.css");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR")).join("sidebar.min.css");
    fs::write(out, minify(&css)).expect("write sidebar.min.css");
}

/// Drops comments and whitespace that CSS does not need (not inside strings: ours has none with
/// significant runs of spaces).
fn minify(css: &str) -> String {
    let mut without_comments = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    without_comments.push_str(rest);
    let mut out = String::with_capacity(without_comments.len());
    for word in without_comments.split_whitespace() {
        let joins = |c: char| "{}:;,>()".contains(c);
        if !out.is_empty() && !out.ends_with(joins) && !word.starts_with(joins) {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.replace(";}", "}")
}
