//! Duplicated captions and photo credits: keep the most complete copy of each photo's caption,
//! next to its image, and hide the other copies (truncated ones included).
//!
//! Only caption-like blocks take part: a body paragraph that repeats caption text is never hidden,
//! and identical caption text under a *different* photo is not a duplicate.

use crate::prelude::*;

use crate::outline::{Block, BlockId, BlockKind, NodeIx, Outline};
use crate::text::char_count;

/// Captions shorter than this (in characters) are too generic to call duplicates ("AP", "Getty").
const MIN_CAPTION_CHARS: usize = 20;

/// A truncated copy must keep at least this share of the full caption's characters.
const MIN_TRUNCATED_SHARE: f32 = 0.3;

/// Returns true if and only if the block reads as a photo caption or credit by its structure.
pub fn is_caption_like(block: &Block) -> bool {
    if block.context.nav || block.context.footer || block.context.comments {
        return false;
    }
    match block.kind {
        BlockKind::Caption => true,
        BlockKind::Heading(_) | BlockKind::ListItem | BlockKind::Cell => false,
        // Text other than a heading inside a figure is its caption or credit.
        _ => block.figure.is_some() && !block.context.link,
    }
}

/// The extra copies of duplicated captions, each with the block kept in its place.
///
/// Returns `(hidden copy, kept copy)` pairs in document order of the hidden copy.
pub fn duplicate_captions(outline: &Outline) -> Vec<(BlockId, BlockId)> {
    let captions: Vec<(&Block, String)> = outline
        .blocks
        .iter()
        .filter(|b| is_caption_like(b) && char_count(&b.text) >= MIN_CAPTION_CHARS)
        .map(|b| (b, caption_key(&b.text)))
        .collect();
    // Copies of one caption, truncated ones included, share the start of their key: compare
    // only captions whose first bytes hash alike (pairwise over a page was quadratic: 2,500
    // captions on a 10 MB page took 13 ms natively).
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); (captions.len() * 2).next_power_of_two()];
    let mask = buckets.len() - 1;
    for (i, (_, key)) in captions.iter().enumerate() {
        buckets[key_start_hash(key) & mask].push(i);
    }
    let mut group_of: Vec<Option<usize>> = vec![None; captions.len()];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for bucket in &buckets {
        for (at, &i) in bucket.iter().enumerate() {
            if group_of[i].is_some() {
                continue;
            }
            let group = groups.len();
            group_of[i] = Some(group);
            let mut members = vec![i];
            for &j in &bucket[at + 1..] {
                if group_of[j].is_none() && same_caption(&captions[i], &captions[j]) {
                    group_of[j] = Some(group);
                    members.push(j);
                }
            }
            groups.push(members);
        }
    }
    // Indexed by caption, so the result comes out in document order without a sort.
    let mut kept_by: Vec<Option<BlockId>> = vec![None; captions.len()];
    for members in groups.into_iter().filter(|m| m.len() > 1) {
        // (groups are never empty: no panic's code for what cannot happen)
        let Some(&keep) = members.iter().max_by_key(|&&m| keep_rank(captions[m].0)) else {
            continue;
        };
        for &m in &members {
            if m != keep && captions[m].0.whole {
                kept_by[m] = Some(captions[keep].0.id);
            }
        }
    }
    kept_by
        .iter()
        .zip(&captions)
        .filter_map(|(kept, (block, _))| kept.map(|k| (block.id, k)))
        .collect()
}

/// Credit pieces that repeat the rest of their own caption ("© Jane Roe" + "Jane Roe"): the
/// credit element to hide, with its block.
pub fn repeated_credits(outline: &Outline) -> Vec<(BlockId, NodeIx)> {
    let mut out = Vec::new();
    for block in outline
        .blocks
        .iter()
        .filter(|b| is_caption_like(b) && b.runs.len() >= 2)
    {
        for (at, run) in block.runs.iter().enumerate() {
            let Some(node) = run.node else { continue };
            let credit = caption_key(strip_credit_prefix(&run.text));
            let rest: Vec<&str> = block
                .runs
                .iter()
                .enumerate()
                .filter(|(other, _)| *other != at)
                .map(|(_, r)| r.text.as_str())
                .collect();
            let rest = caption_key(strip_credit_prefix(&crate::text::join_words(&rest)));
            if char_count(&credit) >= MIN_CAPTION_CHARS && credit == rest {
                out.push((block.id, node));
                break;
            }
        }
    }
    out
}

/// Removes a leading credit marker: "©", "Photo:", "Credit:", "Image:", "Foto:".
fn strip_credit_prefix(text: &str) -> &str {
    let t = text.trim_start_matches(['©', '(', ' ']);
    for prefix in [
        "Photo:",
        "Credit:",
        "Image:",
        "Foto:",
        "Picture:",
        "Photo by",
        "Photograph:",
    ] {
        if let Some(rest) = t.strip_prefix(prefix) {
            // (`caption_key` skips leading whitespace of any kind)
            return rest.trim_ascii_start();
        }
    }
    t
}

/// How strongly to prefer keeping this copy: the most complete text first, then a copy inside a
/// figure with its image, then a real `figcaption`-like caption, then the earliest.
fn keep_rank(block: &Block) -> (usize, bool, bool, core::cmp::Reverse<BlockId>) {
    let truncated = is_truncated(&block.text);
    (
        char_count(&block.text) * 2 + usize::from(!truncated),
        block.figure.is_some() && block.image.is_some(),
        block.kind == BlockKind::Caption,
        core::cmp::Reverse(block.id),
    )
}

/// A hash (FNV-1a) of a caption key's first bytes: every copy of a caption, truncated or not,
/// starts with the same ones.
fn key_start_hash(key: &str) -> usize {
    const START_BYTES: usize = 12;
    key.bytes().take(START_BYTES).fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    }) as usize
}

/// Returns true if and only if the two caption copies show the same photo's caption.
fn same_caption(a: &(&Block, String), b: &(&Block, String)) -> bool {
    let text_matches = a.1 == b.1 || is_truncation_of(&a.1, &b.1) || is_truncation_of(&b.1, &a.1);
    if !text_matches {
        return false;
    }
    // Two different figures, each with its own (different) image: two photos that happen to
    // share a caption ("Photo: AP"), not one caption printed twice.
    // Copies in two different figures show the same photo only if their images say so.
    match (a.0.figure, b.0.figure) {
        (Some(fa), Some(fb)) if fa != fb => a.0.image.is_some() && a.0.image == b.0.image,
        _ => true,
    }
}

/// Returns true if and only if `short` is a cut-down copy of `full` ("The first words of…").
fn is_truncation_of(short: &str, full: &str) -> bool {
    let short = short.trim_end_matches(['…', '.', ' ']);
    short.len() < full.len()
        && full.starts_with(short)
        && char_count(short) as f32 >= MIN_TRUNCATED_SHARE * char_count(full) as f32
}

fn is_truncated(text: &str) -> bool {
    text.ends_with('…') || text.ends_with("...")
}

/// Caption text compared case- and punctuation-insensitively, with the controls that gallery
/// overlays add ("… more" on the truncated copy, "less" on the full one, "Read more") removed.
fn caption_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    let mut dots = 0;
    for c in text.chars() {
        // "..." reads as "…"
        dots = if c == '.' { dots + 1 } else { 0 };
        if crate::text::is_word_char(c) {
            key.push(crate::text::fold_char(c));
        } else if c == '…' || dots == 3 {
            key.push('…');
        } else if c.is_whitespace() && !key.is_empty() && !key.ends_with(' ') {
            key.push(' ');
        }
    }
    // (its only whitespace is the spaces pushed above: the ASCII trims, whose byte loops are
    // smaller wasm than the Unicode ones, are the same here)
    let key = key.trim_ascii_end();
    for tail in [
        " read more",
        " show more",
        " expand",
        " hide caption",
        " toggle caption",
    ] {
        if let Some(stripped) = key.strip_suffix(tail) {
            return stripped.trim_ascii_end().to_owned();
        }
    }
    // A bare "more"/"less" is a toggle only after an ellipsis or at the end of a long caption.
    for tail in [" more", " less", "more"] {
        if let Some(stripped) = key.strip_suffix(tail) {
            if stripped.ends_with('…') || char_count(stripped) > 60 {
                return stripped.trim_ascii_end().to_owned();
            }
        }
    }
    key.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::{Context, NodeIx};

    fn block(
        id: u32,
        kind: BlockKind,
        text: &str,
        figure: Option<u32>,
        image: Option<u32>,
    ) -> Block {
        Block {
            id: BlockId(id),
            node: NodeIx(id),
            kind,
            text: text.into(),
            whole: true,
            context: Context::default(),
            figure: figure.map(NodeIx),
            image,
            ad_slot: None,
            slot_beside: None,
            runs: Vec::new(),
        }
    }

    const CAP: &str = "Secretary Blinken meets President Zelensky in Kyiv. Photo by AP";

    #[test]
    fn second_copy_is_hidden_first_kept() {
        let o = Outline {
            blocks: vec![
                block(0, BlockKind::Caption, CAP, Some(100), Some(0)),
                block(1, BlockKind::Caption, CAP, None, Some(0)),
            ],
            nodes: 2,
        };
        assert_eq!(duplicate_captions(&o), vec![(BlockId(1), BlockId(0))]);
    }

    #[test]
    fn truncated_copy_goes_full_copy_stays() {
        let o = Outline {
            blocks: vec![
                block(
                    0,
                    BlockKind::Caption,
                    "Secretary Blinken meets…",
                    None,
                    None,
                ),
                block(1, BlockKind::Caption, CAP, Some(100), Some(0)),
            ],
            nodes: 2,
        };
        assert_eq!(duplicate_captions(&o), vec![(BlockId(0), BlockId(1))]);
    }

    #[test]
    fn gallery_toggles_do_not_hide_a_copy() {
        let full = format!("{CAP} less");
        let short = "Secretary Blinken meets President Zelensky ... more";
        let o = Outline {
            blocks: vec![
                block(0, BlockKind::Caption, &full, Some(100), Some(0)),
                block(1, BlockKind::Caption, short, Some(100), Some(0)),
                block(2, BlockKind::Caption, &full, Some(100), Some(1)),
                block(3, BlockKind::Caption, short, Some(100), Some(1)),
            ],
            nodes: 4,
        };
        let hidden: Vec<u32> = duplicate_captions(&o).iter().map(|(h, _)| h.0).collect();
        assert_eq!(hidden, [1, 2, 3]);
    }

    #[test]
    fn only_copy_stays() {
        let o = Outline {
            blocks: vec![block(0, BlockKind::Caption, CAP, Some(100), Some(0))],
            nodes: 1,
        };
        assert!(duplicate_captions(&o).is_empty());
    }

    #[test]
    fn same_text_under_different_photos_is_not_a_duplicate() {
        let o = Outline {
            blocks: vec![
                block(0, BlockKind::Caption, CAP, Some(100), Some(0)),
                block(1, BlockKind::Caption, CAP, Some(200), Some(1)),
            ],
            nodes: 2,
        };
        assert!(duplicate_captions(&o).is_empty());
    }

    #[test]
    fn body_paragraph_repeating_a_caption_is_never_hidden() {
        let o = Outline {
            blocks: vec![
                block(0, BlockKind::Caption, CAP, Some(100), Some(0)),
                block(1, BlockKind::Paragraph, CAP, None, Some(0)),
            ],
            nodes: 2,
        };
        assert!(duplicate_captions(&o).is_empty());
    }
}
