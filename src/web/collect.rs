//! Walks the live DOM once, in document order, feeding the core's outline builder.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

use crate::outline::{Outline, OutlineBuilder, OwnedElementInfo, Visit};

/// An outline and the elements its [`NodeIx`](crate::outline::NodeIx) values point at.
pub struct Collected {
    /// The page as the core sees it.
    pub outline: Outline,
    /// `nodes[ix]` is the element opened as `NodeIx(ix)`.
    pub nodes: Vec<Element>,
}

/// Collects the outline of `root`'s subtree. Its ancestors are reported first (without their
/// other children) so that structure around the subtree — a nav, an ad slot, a figure — counts.
pub fn collect(root: &Element) -> Collected {
    let mut builder = OutlineBuilder::new();
    let mut nodes = Vec::new();
    let mut ancestors = Vec::new();
    let mut up = root.parent_element();
    while let Some(el) = up {
        up = el.parent_element();
        ancestors.push(el);
    }
    let mut entered = 0;
    for el in ancestors.iter().rev() {
        if open(&mut builder, &mut nodes, el) == Visit::Skip {
            return Collected {
                outline: builder.finish(),
                nodes,
            };
        }
        entered += 1;
    }
    walk(&mut builder, &mut nodes, root);
    for _ in 0..entered {
        builder.close();
    }
    Collected {
        outline: builder.finish(),
        nodes,
    }
}

fn walk(builder: &mut OutlineBuilder, nodes: &mut Vec<Element>, root: &Element) {
    if open(builder, nodes, root) == Visit::Skip {
        return;
    }
    let root_node: &Node = root.as_ref();
    // Iterative depth-first walk: pages nest deep enough to overflow a recursive one.
    let mut stack: Vec<Node> = vec![root_node.clone()];
    let mut next = root_node.first_child();
    while let Some(parent) = stack.last().cloned() {
        let Some(node) = next else {
            builder.close();
            stack.pop();
            next = if stack.is_empty() {
                None
            } else {
                parent.next_sibling()
            };
            continue;
        };
        match node.node_type() {
            Node::ELEMENT_NODE => {
                let el: &Element = node.unchecked_ref();
                if open(builder, nodes, el) == Visit::Enter {
                    next = node.first_child();
                    stack.push(node);
                    continue;
                }
            }
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                if let Some(text) = node.node_value() {
                    builder.text(&text);
                }
            }
            _ => {}
        }
        next = node.next_sibling();
    }
}

/// One attribute read. NOTE: not inlined: each inlined `get_attribute` call site copies the
/// string-passing glue, and `collect` reads eight attributes per element.
#[inline(never)]
fn attribute(el: &Element, name: &str) -> Option<String> {
    el.get_attribute(name)
}

fn open(builder: &mut OutlineBuilder, nodes: &mut Vec<Element>, el: &Element) -> Visit {
    nodes.push(el.clone());
    let info = OwnedElementInfo::read(el.local_name(), |name| attribute(el, name));
    builder.open(info.as_info())
}
