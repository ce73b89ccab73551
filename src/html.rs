//! Saved HTML to an [`Outline`] (feature `cli`): parsed with html5ever the way a browser parses
//! it, and walked exactly as the browser glue walks the live DOM — `<html>` opened, then `<body>`.

use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use crate::outline::{Outline, OutlineBuilder, OwnedElementInfo, Visit};

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
