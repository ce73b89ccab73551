//! Content that arrives later (lazy ad slots, infinite scroll, SPA navigation): a
//! MutationObserver collects the added subtrees, and once per animation frame only those are
//! collected, planned and applied. Our own changes (attributes, the sidebar outside `<body>`)
//! never trigger it: it watches child lists under `<body>` only.

use crate::prelude::*;

use alloc::rc::Rc;
use core::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, MutationObserver, MutationObserverInit, MutationRecord, Node};

use super::js::{Context, GlueError};

/// Watches `<body>` for added elements and hands each batch to `on_batch`.
pub struct Observer {
    observer: MutationObserver,
    _on_mutations: Closure<dyn FnMut(JsValue)>,
    _on_frame: Rc<Closure<dyn FnMut()>>,
}

impl Observer {
    /// Starts observing `target`; `on_batch` gets the added top-level elements of one frame.
    pub fn start(
        target: &Element,
        on_batch: impl FnMut(Vec<Element>) + 'static,
    ) -> Result<Observer, GlueError> {
        let pending: Rc<RefCell<Vec<Element>>> = Rc::default();
        let scheduled = Rc::new(RefCell::new(false));
        let on_batch = Rc::new(RefCell::new(on_batch));

        let frame_pending = Rc::clone(&pending);
        let frame_scheduled = Rc::clone(&scheduled);
        let on_frame = Rc::new(Closure::<dyn FnMut()>::new(move || {
            *frame_scheduled.borrow_mut() = false;
            let batch = core::mem::take(&mut *frame_pending.borrow_mut());
            let roots = outermost_connected(batch);
            if !roots.is_empty() {
                (on_batch.borrow_mut())(roots);
            }
        }));

        let frame = Rc::clone(&on_frame);
        // NOTE: typed JsValue (an Array of MutationRecords) as the sidebar's listener is: each
        // distinct closure signature adds its own cast intrinsic and export to the wasm.
        let on_mutations = Closure::<dyn FnMut(JsValue)>::new(move |records: JsValue| {
            let records: js_sys::Array = records.unchecked_into();
            let mut added = false;
            for record in records.iter() {
                let record: MutationRecord = record.unchecked_into();
                let nodes = record.added_nodes();
                for i in 0..nodes.length() {
                    if let Some(node) = nodes.item(i) {
                        if node.node_type() == Node::ELEMENT_NODE {
                            pending.borrow_mut().push(node.unchecked_into());
                            added = true;
                        } else if node.node_type() == Node::TEXT_NODE {
                            if let Some(parent) = node.parent_element() {
                                pending.borrow_mut().push(parent);
                                added = true;
                            }
                        }
                    }
                }
            }
            if added && !*scheduled.borrow() {
                *scheduled.borrow_mut() = true;
                if let Some(window) = super::js::window() {
                    let callback: &js_sys::Function = frame.as_ref().as_ref().unchecked_ref();
                    let _ = window.request_animation_frame(callback);
                }
            }
        });
        let observer = MutationObserver::new(on_mutations.as_ref().unchecked_ref())
            .context("starting the observer")?;
        let init = MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        observer
            .observe_with_options(target, &init)
            .context("starting the observer")?;
        Ok(Observer {
            observer,
            _on_mutations: on_mutations,
            _on_frame: on_frame,
        })
    }

    /// Stops observing.
    pub fn stop(&self) {
        self.observer.disconnect();
    }
}

/// Keeps the connected elements not inside another element of the batch.
fn outermost_connected(mut batch: Vec<Element>) -> Vec<Element> {
    batch.retain(|e| e.is_connected() && e.local_name() != "newsclean-sidebar");
    let all = batch.clone();
    batch.retain(|e| {
        let node: &Node = e.as_ref();
        !all.iter().any(|other| {
            let o: &Node = other.as_ref();
            !o.is_same_node(Some(node)) && o.contains(Some(node))
        })
    });
    batch.dedup_by(|a, b| {
        let a: &Node = a.as_ref();
        a.is_same_node(Some(b.as_ref()))
    });
    batch
}
