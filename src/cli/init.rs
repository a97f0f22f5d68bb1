//! `critique-lint init`: a commented starter configuration.

use super::{emit, Failure, EXIT_CLEAN};

const STARTER: &str = r#"# critique-lint 配置文件。critique-lint 在当前目录及上级目录中查找它。
# 所有规则：critique-lint rules；一条规则的说明：critique-lint explain <规则>

# 只运行这些规则或规则组（structure、typography、wording、correspondence、substance、copying）；
# 不写则运行全部。
# select: [structure, typography, wording, correspondence, substance, copying]

# 不运行的规则或规则组。
# ignore: [vague-wording]

# 按路径跳过规则：路径模式 → 规则或规则组。
# per-file-ignores:
#   "历史材料/**": [copying]
#   "*发言提纲*": [missing-section]

# 达到此级别的问题使退出码为 1：error（默认）、warning、info。
# fail-on: warning

# 单条规则：off 关闭，或改级别、范围、参数。
rules:
  # vague-wording: off
  # numbering:
  #   severity: error
  # boilerplate-phrase:
  #   params:
  #     words: [理论学习不够深入, 工作作风不够扎实]

# 本单位常用、分词器不认识的词。
# dictionary: [放管服, 一网通办]

# 更多规则（已有类型），路径相对于本文件。
# extend-rules: [本单位规则.yaml]

# 参考范文或往年材料：与之相同的段落报告为 template-copy。
# references: [范文/, 2024年材料/]
# builtin-references: true   # 内置的一篇流传范文

# 问题、原因与措施的对应（见 rules/links.yaml）。
# links:
#   threshold: 0.12
#   cause-threshold: 0.07

# 相同段落的比对（见 rules/fingerprints.yaml）。
# copying:
#   guarantee: 20     # 至少这么多字的相同段落一定能找到
#   max-docs: 10      # 超过这么多份材料都有的段落视为通用表述
"#;

pub(super) fn run() -> Result<i32, Failure> {
    let path = std::path::Path::new("critique-lint.yaml");
    if path.exists() {
        return Err(Failure::Exists(path.display().to_string()));
    }
    std::fs::write(path, STARTER).map_err(|e| Failure::Output(path.display().to_string(), e))?;
    emit("已生成 critique-lint.yaml\n")?;
    Ok(EXIT_CLEAN)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_starter_config_is_valid() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("critique-lint.yaml");
        std::fs::write(&path, super::STARTER).unwrap();
        crate::config::Config::load(Some(&path), dir.path()).unwrap();
    }
}
