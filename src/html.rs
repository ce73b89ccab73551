//! Saved HTML to an [`Outline`] (feature `cli`): parsed with html5ever the way a browser parses
//! it, and walked exactly as the browser glue walks the live DOM — `<html>` opened, then `<body>`.

use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use crate::outline::{event, Outline, OutlineBuilder, OwnedElementInfo, Visit, READ_ATTRIBUTES};

/// Parses an HTML document and returns its outline.
///
/// # Example
///
/// ```
/// let outline = newsclean::html::outline("<p>Hello <b>world</b></p><div>Advertisement</div>");
/// assert_eq!(outline.blocks[1].text, "Advertisement");
/// ```
pub fn outline(html: &str) -> Outline {
    let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(html);
    let mut builder = OutlineBuilder::new();
    let Some(root) = child_element(&dom.document, "html") else {
        return builder.finish();
    };
    if open(&mut builder, &root) == Visit::Enter {
        if let Some(body) = child_element(&root, "body") {
            walk(&mut builder, &body);
        }
        builder.close();
    }
    builder.finish()
}

/// The page as the browser glue's walk reports it: the compact [`event`] string that
/// [`replay`](crate::outline::replay) reads, `<html>` opened and then `<body>` walked. Unlike the
/// browser walk it descends into every element, scripts included, which leaves skipping entirely
/// to the replay — tests use it to pin the replay against the direct walk of [`outline`].
pub fn events(html: &str) -> String {
    let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(html);
    let mut out = String::new();
    let Some(root) = child_element(&dom.document, "html") else {
        return out;
    };
    push_open(&mut out, &root);
    if let Some(body) = child_element(&root, "body") {
        push_subtree(&mut out, &body);
    }
    out.push(event::CLOSE);
    out
}

fn push_open(out: &mut String, node: &Handle) {
    let NodeData::Element { name, attrs, .. } = &node.data else {
        return;
    };
    out.push(event::OPEN);
    out.push_str(&name.local);
    let attrs = attrs.borrow();
    for a in attrs.iter().filter(|a| a.name.ns.is_empty()) {
        let Some(at) = READ_ATTRIBUTES.iter().position(|w| *w == &*a.name.local) else {
            continue;
        };
        out.push(event::FIELD);
        out.push(event::key(at));
        out.extend(a.value.chars().map(|c| {
            if ('\u{1}'..='\u{5}').contains(&c) {
                ' '
            } else {
                c
            }
        }));
    }
}

fn push_subtree(out: &mut String, node: &Handle) {
    push_open(out, node);
    for child in node.children.borrow().iter() {
        match &child.data {
            NodeData::Element { .. } => push_subtree(out, child),
            NodeData::Text { contents } => {
                out.push(event::TEXT);
                out.extend(contents.borrow().chars().map(|c| {
                    if ('\u{1}'..='\u{5}').contains(&c) {
                        ' '
                    } else {
                        c
                    }
                }));
            }
            _ => {}
        }
    }
    out.push(event::CLOSE);
}

fn child_element(parent: &Handle, tag: &str) -> Option<Handle> {
    parent
        .children
        .borrow()
        .iter()
        .find(|c| matches!(&c.data, NodeData::Element { name, .. } if &*name.local == tag))
        .cloned()
}

fn open(builder: &mut OutlineBuilder, node: &Handle) -> Visit {
    let NodeData::Element { name, attrs, .. } = &node.data else {
        return Visit::Skip;
    };
    let attrs = attrs.borrow();
    let info = OwnedElementInfo::read(name.local.to_string(), |wanted| {
        attrs
            .iter()
            .find(|a| a.name.ns.is_empty() && &*a.name.local == wanted)
            .map(|a| a.value.to_string())
    });
    builder.open(info.as_info())
}

fn walk(builder: &mut OutlineBuilder, root: &Handle) {
    if open(builder, root) == Visit::Skip {
        return;
    }
    // (node, index of the next child to visit): iterative, as deep pages overflow recursion.
    let mut stack: Vec<(Handle, usize)> = vec![(root.clone(), 0)];
    while let Some((node, next)) = stack.last_mut() {
        let child = node.children.borrow().get(*next).cloned();
        *next += 1;
        let Some(child) = child else {
            builder.close();
            stack.pop();
            continue;
        };
        match &child.data {
            NodeData::Element { .. } if open(builder, &child) == Visit::Enter => {
                stack.push((child, 0));
            }
            NodeData::Text { contents } => builder.text(&contents.borrow()),
            _ => {}
        }
    }
}
