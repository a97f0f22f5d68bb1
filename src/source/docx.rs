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
    #[error("不是有效的 .docx 文件（有 {0} 个部件，Word 文件不会有这么多）")]
    TooManyParts(usize),
    #[error("word/document.xml 解压后超过 {} MB，不像是一份材料（可能是压缩炸弹）", .0 / (1024 * 1024))]
    TooLarge(usize),
    #[error("文件不完整：word/document.xml 被截断")]
    Truncated,
}

/// More parts than any Word document has: a sign of a crafted zip.
const MAX_PARTS: usize = 10_000;

/// word/document.xml is markup around the text: allow this many bytes of
/// XML per byte of text before calling it a bomb.
const XML_PER_TEXT: usize = 16;

/// The text of a .docx whose text may be at most `max_text` bytes; the
/// XML is never decompressed beyond what that text could need.
pub(crate) fn text(bytes: &[u8], max_text: usize) -> Result<String, DocxError> {
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| DocxError::NotZip)?;
    if zip.len() > MAX_PARTS {
        return Err(DocxError::TooManyParts(zip.len()));
    }
    let max_xml = max_text.saturating_mul(XML_PER_TEXT);
    let mut raw = Vec::new();
    zip.by_name("word/document.xml")
        .map_err(|_| DocxError::NoDocument)?
        .take(max_xml as u64 + 1)
        .read_to_end(&mut raw)
        .map_err(|e| DocxError::Read(e.to_string()))?;
    if raw.len() > max_xml {
        return Err(DocxError::TooLarge(max_xml));
    }
    let xml = String::from_utf8(raw).map_err(|e| DocxError::Xml(e.to_string()))?;
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
    // Depths of elements whose text is left out, and of tables; and of all
    // elements, so a document cut short is not read as a shorter one.
    let (mut skipped, mut tables, mut in_text) = (0usize, 0usize, false);
    let mut depth = 0usize;
    loop {
        let event = reader.read_event().map_err(xml_error)?;
        match event {
            Event::Start(e) => {
                depth += 1;
                match e.local_name().as_ref() {
                    // Tracked deletions, text boxes, alternate renderings.
                    b"del" | b"txbxContent" | b"Fallback" | b"moveFrom" => skipped += 1,
                    b"tbl" => tables += 1,
                    b"t" => in_text = true,
                    _ => {}
                }
            }
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
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                match e.local_name().as_ref() {
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
                }
            }
            Event::Eof if depth > 0 => return Err(DocxError::Truncated),
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

    fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
        use std::io::Write;
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in entries {
            z.start_file(*name, opts).unwrap();
            z.write_all(data).unwrap();
        }
        z.finish().unwrap();
        buf.into_inner()
    }

    #[test]
    fn a_zip_bomb_is_refused_before_it_is_expanded() {
        // 64 MiB of spaces compress to about 64 KiB.
        let mut xml = format!("<w:document {NS}><w:body><w:p><w:r><w:t>").into_bytes();
        xml.resize(xml.len() + 64 * 1024 * 1024, b' ');
        let bomb = zip(&[("word/document.xml", &xml)]);
        assert!(bomb.len() < 1024 * 1024, "{}", bomb.len());
        let started = std::time::Instant::now();
        assert_eq!(
            text(&bomb, 1024 * 1024).unwrap_err(),
            DocxError::TooLarge(16 * 1024 * 1024)
        );
        assert!(started.elapsed().as_secs_f64() < 1.0);
    }

    #[test]
    fn a_truncated_document_is_an_error_not_a_shorter_text() {
        let xml = format!(
            "<w:document {NS}><w:body><w:p><w:r><w:t>一、存在的问题</w:t></w:r></w:p><w:p><w:r><w:t>学习"
        );
        let z = zip(&[("word/document.xml", xml.as_bytes())]);
        assert_eq!(text(&z, 1 << 20).unwrap_err(), DocxError::Truncated);
    }

    #[test]
    fn a_zip_of_too_many_parts_is_refused() {
        let names: Vec<String> = (0..MAX_PARTS + 1).map(|i| format!("p{i}")).collect();
        let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
        let z = zip(&entries);
        assert_eq!(
            text(&z, 1 << 20).unwrap_err(),
            DocxError::TooManyParts(MAX_PARTS + 1)
        );
    }

    #[test]
    fn not_a_zip_is_a_clear_error() {
        assert_eq!(text(b"plain text", 1 << 20).unwrap_err(), DocxError::NotZip);
    }
}
