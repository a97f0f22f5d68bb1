//! `shared-passage`, `template-copy`, `repeated-passage`: the rule
//! instances of the cross-document stage (see `crossdoc`). They hold id,
//! severity and message; the comparison itself runs once for all of them
//! after every document has been read.

use super::{CrossKind, Meta, Rule};
use crate::config::Params;
use crate::diagnostic::Diagnostic;
use crate::document::Document;

pub struct Copying {
    meta: Meta,
    kind: CrossKind,
    min_chars: Option<usize>,
}

fn build(meta: Meta, params: &Params, kind: CrossKind) -> Result<Box<dyn Rule>, String> {
    Ok(Box::new(Copying {
        meta,
        kind,
        min_chars: params.min_chars,
    }))
}

pub fn build_shared(meta: Meta, params: &Params) -> Result<Box<dyn Rule>, String> {
    build(meta, params, CrossKind::Shared)
}

pub fn build_template(meta: Meta, params: &Params) -> Result<Box<dyn Rule>, String> {
    build(meta, params, CrossKind::Template)
}

pub fn build_repeated(meta: Meta, params: &Params) -> Result<Box<dyn Rule>, String> {
    build(meta, params, CrossKind::Repeated)
}

impl Rule for Copying {
    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn check(&self, _: &Document, _: &mut Vec<Diagnostic>) {}

    fn cross(&self) -> Option<(CrossKind, Option<usize>)> {
        Some((self.kind, self.min_chars))
    }
}
