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

/// How a text file's bytes encode its text; kept so that `--fix` writes a
/// report back the way it was saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    Utf8,
    /// UTF-8 after the byte order mark EF BB BF.
    Utf8Bom,
    /// UTF-16 after the mark FF FE.
    Utf16Le,
    /// UTF-16 after the mark FE FF.
    Utf16Be,
    Gb18030,
}

impl Encoding {
    /// The name reports show (`files[].encoding` in JSON): a BOM is not
    /// part of it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 | Encoding::Utf8Bom => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Gb18030 => "gb18030",
        }
    }

    /// The bytes of `text` in this encoding, byte order mark included;
    /// `None` if a character cannot be written in it (GB18030 covers all
    /// of Unicode, so in practice never).
    pub(crate) fn encode(self, text: &str) -> Option<Vec<u8>> {
        let utf16 = |mark: [u8; 2], unit: fn(u16) -> [u8; 2]| {
            let mut out = Vec::with_capacity(2 + text.len() * 2);
            out.extend(mark);
            for u in text.encode_utf16() {
                out.extend(unit(u));
            }
            out
        };
        match self {
            Encoding::Utf8 => Some(text.as_bytes().to_vec()),
            Encoding::Utf8Bom => Some([b"\xEF\xBB\xBF", text.as_bytes()].concat()),
            Encoding::Utf16Le => Some(utf16([0xFF, 0xFE], u16::to_le_bytes)),
            Encoding::Utf16Be => Some(utf16([0xFE, 0xFF], u16::to_be_bytes)),
            Encoding::Gb18030 => {
                let (bytes, _, unmappable) = GB18030.encode(text);
                (!unmappable).then(|| bytes.into_owned())
            }
        }
    }
}

/// Decodes report bytes; the encoding comes with the text.
pub(crate) fn decode(mut bytes: Vec<u8>) -> Result<(String, Encoding), DecodeError> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
        return utf8(bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, UTF_16LE, Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, UTF_16BE, Encoding::Utf16Be);
    }
    if looks_binary(&bytes) {
        return Err(DecodeError::Binary);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, Encoding::Utf8)),
        Err(e) => {
            let bytes = e.into_bytes();
            // Not UTF-8: the other encoding Chinese tools write without a BOM.
            match GB18030.decode_without_bom_handling_and_without_replacement(&bytes) {
                Some(text) => Ok((text.into_owned(), Encoding::Gb18030)),
                None => Err(DecodeError::Unknown),
            }
        }
    }
}

fn utf8(bytes: Vec<u8>) -> Result<(String, Encoding), DecodeError> {
    String::from_utf8(bytes)
        .map(|t| (t, Encoding::Utf8Bom))
        .map_err(|e| DecodeError::Utf8(e.utf8_error().valid_up_to()))
}

fn utf16(
    bytes: &[u8],
    encoding: &'static encoding_rs::Encoding,
    ours: Encoding,
) -> Result<(String, Encoding), DecodeError> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|t| (t.into_owned(), ours))
        .ok_or(DecodeError::Utf16(if ours == Encoding::Utf16Le {
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
        for (bytes, encoding) in [
            (text.as_bytes().to_vec(), Encoding::Utf8),
            (bom, Encoding::Utf8Bom),
            (le, Encoding::Utf16Le),
            (be, Encoding::Utf16Be),
            (gb.into_owned(), Encoding::Gb18030),
        ] {
            assert_eq!(decode(bytes.clone()).unwrap(), (text.to_string(), encoding));
            // Written back, the same bytes.
            assert_eq!(encoding.encode(text).unwrap(), bytes);
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
