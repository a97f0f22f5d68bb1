//! Bytes to text: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM) and
//! GB18030/GBK (no BOM), as Chinese Windows tools save reports.

use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};

/// Bytes that are not a report's text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("不是文本文件（含有二进制内容）")]
    Binary,
    #[error("无法识别的文本编码（支持 UTF-8、UTF-16 和 GB18030/GBK）")]
    Unknown,
    #[error("不是有效的 UTF-8 文本（第 {0} 字节处编码无效）")]
    Utf8(usize),
    #[error("不是有效的 {0} 文本")]
    Utf16(&'static str),
}

/// Decodes report bytes; the name of the encoding comes with the text.
pub(crate) fn decode(mut bytes: Vec<u8>) -> Result<(String, &'static str), DecodeError> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
        return utf8(bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, UTF_16LE, "utf-16le");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, UTF_16BE, "utf-16be");
    }
    if looks_binary(&bytes) {
        return Err(DecodeError::Binary);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, "utf-8")),
        Err(e) => {
            let bytes = e.into_bytes();
            // Not UTF-8: the other encoding Chinese tools write without a BOM.
            match GB18030.decode_without_bom_handling_and_without_replacement(&bytes) {
                Some(text) => Ok((text.into_owned(), "gb18030")),
                None => Err(DecodeError::Unknown),
            }
        }
    }
}

fn utf8(bytes: Vec<u8>) -> Result<(String, &'static str), DecodeError> {
    String::from_utf8(bytes)
        .map(|t| (t, "utf-8"))
        .map_err(|e| DecodeError::Utf8(e.utf8_error().valid_up_to()))
}

fn utf16(
    bytes: &[u8],
    encoding: &'static encoding_rs::Encoding,
    name: &'static str,
) -> Result<(String, &'static str), DecodeError> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|t| (t.into_owned(), name))
        .ok_or(DecodeError::Utf16(if name == "utf-16le" {
            "UTF-16LE"
        } else {
            "UTF-16BE"
        }))
}

/// NUL bytes or many control characters mean the file is not a text report.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 20 > head.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_supported_encoding_decodes_to_the_same_text() {
        let text = "一、存在的问题\r\n理论学习不够深入。";
        let (gb, _, _) = GB18030.encode(text);
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend(text.as_bytes());
        for (bytes, name) in [
            (text.as_bytes().to_vec(), "utf-8"),
            (bom, "utf-8"),
            (le, "utf-16le"),
            (be, "utf-16be"),
            (gb.into_owned(), "gb18030"),
        ] {
            assert_eq!(decode(bytes).unwrap(), (text.to_string(), name));
        }
    }

    #[test]
    fn binary_and_undecodable_bytes_are_errors() {
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00".to_vec()).unwrap_err(),
            DecodeError::Binary
        );
        assert!(decode(b"\xFF\xFF\xFF\xFE\x80".to_vec()).is_err());
    }
}
