//! Text of a Word .docx file: paragraphs one per line, table rows one per
//! line (cells separated by a tab); tracked deletions, text boxes, comments
//! and footnotes left out (they live in other parts or other elements).

use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::Read;

/// A Word file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocxError {
    #[error("不是有效的 .docx 文件（无法按 zip 打开）")]
    NotZip,
    #[error("不是有效的 .docx 文件（缺少 word/document.xml）")]
    NoDocument,
    #[error("无法读取 .docx 内容：{0}")]
    Read(String),
    #[error("无法解析 .docx 内容：{0}")]
    Xml(String),
    #[error("不是有效的 .docx 文件（正文解压后超过 {0} MB）")]
    TooLarge(u64),
}

/// The most word/document.xml may unpack to. A report's is a few MB at
/// most; a small zip can unpack to gigabytes (a zip bomb).
const MAX_XML_BYTES: u64 = 64 << 20;

pub(crate) fn text(bytes: &[u8]) -> Result<String, DocxError> {
    text_within(bytes, MAX_XML_BYTES)
}

fn text_within(bytes: &[u8], limit: u64) -> Result<String, DocxError> {
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| DocxError::NotZip)?;
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .map_err(|_| DocxError::NoDocument)?
        .take(limit + 1)
        .read_to_string(&mut xml)
        .map_err(|e| DocxError::Read(e.to_string()))?;
    if xml.len() as u64 > limit {
        return Err(DocxError::TooLarge(limit >> 20));
    }
    document_text(&xml)
}

fn xml_error(e: impl std::fmt::Display) -> DocxError {
    DocxError::Xml(e.to_string())
}

/// Walks word/document.xml.
fn document_text(xml: &str) -> Result<String, DocxError> {
    let mut reader = Reader::from_str(xml);
    let mut lines: Vec<String> = Vec::new();
    let mut para = String::new();
    let mut cell: Vec<String> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    // Depths of elements whose text is left out, and of tables.
    let (mut skipped, mut tables, mut in_text) = (0usize, 0usize, false);
    loop {
        let event = reader.read_event().map_err(xml_error)?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                // Tracked deletions, text boxes, alternate renderings.
                b"del" | b"txbxContent" | b"Fallback" | b"moveFrom" => skipped += 1,
                b"tbl" => tables += 1,
                b"t" => in_text = true,
                _ => {}
            },
            Event::Empty(e) if skipped == 0 => match e.local_name().as_ref() {
                b"tab" => para.push('\t'),
                b"br" | b"cr" => para.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text && skipped == 0 => {
                let s = t.decode().map_err(xml_error)?;
                para.push_str(&quick_xml::escape::unescape(&s).map_err(xml_error)?);
            }
            Event::GeneralRef(r) if in_text && skipped == 0 => {
                let name = r.decode().map_err(xml_error)?;
                para.push_str(
                    &quick_xml::escape::unescape(&format!("&{name};")).unwrap_or_default(),
                );
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"del" | b"txbxContent" | b"Fallback" | b"moveFrom" => {
                    skipped = skipped.saturating_sub(1)
                }
                b"t" => in_text = false,
                b"p" if skipped == 0 => {
                    let p = std::mem::take(&mut para);
                    if tables > 0 {
                        cell.push(p);
                    } else {
                        lines.push(p);
                    }
                }
                b"tc" if skipped == 0 => row.push(std::mem::take(&mut cell).join(" ")),
                b"tr" if skipped == 0 => lines.push(std::mem::take(&mut row).join("\t")),
                b"tbl" => tables = tables.saturating_sub(1),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    #[test]
    fn paragraphs_tables_deletions_and_text_boxes() {
        let xml = format!(
            r#"<w:document {NS}><w:body>
            <w:p><w:r><w:t>一、存在</w:t></w:r><w:r><w:t>的问题</w:t></w:r></w:p>
            <w:p><w:r><w:t>学习少</w:t></w:r><w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del><w:r><w:t>。A&amp;B</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>问题</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>措施</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing><w:t>正文</w:t></w:r></w:p>
            </w:body></w:document>"#
        );
        assert_eq!(
            document_text(&xml).unwrap(),
            "一、存在的问题\n学习少。A&B\n问题\t措施\n正文"
        );
    }

    #[test]
    fn a_document_that_unpacks_past_the_limit_is_refused() {
        // A zip bomb: a small file whose document.xml unpacks to far more.
        let xml = format!(
            "<w:document {NS}><w:body>{}</w:body></w:document>",
            " ".repeat(4096)
        );
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        std::io::Write::write_all(&mut zip, xml.as_bytes()).unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        assert!(bytes.len() < 1024);
        assert_eq!(text_within(&bytes, 1 << 20).unwrap(), "");
        assert_eq!(
            text_within(&bytes, 1024).unwrap_err(),
            DocxError::TooLarge(0)
        );
    }

    #[test]
    fn not_a_zip_is_a_clear_error() {
        assert_eq!(text(b"plain text").unwrap_err(), DocxError::NotZip);
    }
}
