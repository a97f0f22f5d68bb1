//! Personal names on a report's title block or byline: a line that is a
//! name alone (张伟, 发言人：张伟), a name beside a post (局长 孙卫东). The
//! view reads them (a name under a wrapped title is no continuation), the
//! outline and the archive too.

use crate::text::{is_date_line, is_han, is_space};

/// Roles on an author line (`县水利局党组书记、局长 孙卫东`).
pub(crate) const ROLES: &[&str] = &[
    "书记",
    "局长",
    "主任",
    "院长",
    "校长",
    "所长",
    "处长",
    "科长",
    "镇长",
    "乡长",
    "县长",
    "区长",
    "市长",
    "经理",
    "董事长",
    "委员",
    "主席",
    "部长",
    "厅长",
    "队长",
    "站长",
    "馆长",
    "社长",
    "党员",
    "支部",
    "同志",
    "干部",
    "行长",
    "检察长",
    "检察官",
    "庭长",
    "审判员",
    "组长",
    "股长",
    "科员",
    "教师",
    "民警",
];

/// Labels before a speaker's name (发言人：张伟).
pub(crate) const SPEAKER: &[&str] = &["发言人", "汇报人", "报告人", "对照检查人", "姓名", "作者"];

/// A name: two to four Chinese characters, no placeholder (某, ○, ×), not
/// a post.
pub(crate) fn is_name(s: &str) -> bool {
    let n = s.chars().count();
    (2..=4).contains(&n)
        && s.chars().all(is_han)
        && !s.contains(['某', '○', '〇', '×', '　'])
        && !ROLES.iter().any(|r| s.ends_with(r))
}

/// The name on a line that is a name alone (张伟, 张伟同志, 发言人：张伟,
/// （张伟）): a common surname first, not a word of the genre or of a
/// heading (发言提纲, 整改措施, 修改稿).
pub(crate) fn name_alone(line: &str) -> Option<&str> {
    const NOT_NAMES: &[&str] = &[
        "材料", "提纲", "发言", "检查", "剖析", "对照", "讲话", "会议", "年度", "民主", "生活",
        "班子", "问题", "清单", "汇报", "整改", "措施", "原因", "存在", "方面", "情况", "目录",
        "前言", "附件", "思想", "工作", "稿",
    ];
    let line = line.trim_matches(|c: char| is_space(c) || "（）()—".contains(c));
    let line = SPEAKER
        .iter()
        .find_map(|w| line.strip_prefix(w))
        .map_or(line, |rest| rest.trim_start_matches(['：', ':', ' ']));
    let name = line
        .strip_suffix("同志")
        .unwrap_or(line)
        .trim_end_matches(is_space);
    // A name of two or three characters is often spaced out to the width
    // of three (赵　敏, 郑  凯): the spaces are no part of it.
    let parts = name.split(is_space).filter(|p| !p.is_empty());
    let spaced = parts.clone().count() > 1 && parts.clone().all(|p| p.chars().count() <= 2);
    let joined: String = if spaced {
        parts.collect()
    } else {
        name.to_string()
    };
    if spaced && joined.chars().count() > 3 {
        return None;
    }
    // Four characters only with a surname of two (欧阳晓东): 学习心得 and
    // 党性修养 are no names.
    let compound = COMPOUND_SURNAMES.iter().any(|s| joined.starts_with(s));
    let surnamed = compound
        || (joined.chars().nth(3).is_none()
            && joined.chars().next().is_some_and(|c| SURNAMES.contains(c)));
    let named = is_name(&joined) && surnamed && !NOT_NAMES.iter().any(|w| joined.contains(w));
    named.then_some(name)
}

/// Common surnames (the most frequent three hundred or so cover nearly
/// every name): a short line is a name alone only if it starts with one
/// (韩立伟, not 学习心得).
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由";

/// Surnames of two characters.
const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "令狐", "端木", "独孤", "南宫", "西门",
];

/// The name and post of a byline, a speaker's label (`发言人：`) and a date
/// after it (`（2023年11月）`, `　2025年1月`) aside: the name after the post
/// or the unit, separated by a space or a colon or directly after the last
/// post word (`办事处主任周明`, `学院党委书记：王振华`, `人事处　郑雅琴`), or
/// before the post in brackets (`周建平（县水利局党组书记、局长）`).
pub(crate) fn byline(line: &str) -> Option<(String, Option<String>)> {
    let line = line
        .trim_matches(|c: char| is_space(c) || "（）()—".contains(c))
        .trim();
    if line.chars().count() > 60 {
        return None;
    }
    let labelled = SPEAKER.iter().find_map(|w| line.strip_prefix(w));
    let line = labelled.map_or(line, |rest| rest.trim_start_matches(is_separator));
    let line = without_date(line);
    // A title is no byline (…发言提纲（县审计局副局长: the title's
    // brackets are read on their own).
    if GENRE.iter().any(|g| line.contains(g)) {
        return None;
    }
    let author = |name: &str, role: &str| {
        let role = role.trim_matches(is_separator);
        Some((
            name.replace(is_space, ""),
            (!role.is_empty()).then(|| role.to_string()),
        ))
    };
    if let Some(open) = line.find(['（', '(']) {
        let (before, inner) = line.split_at(open);
        let inner = inner.trim_matches(|c| "（()）".contains(c));
        return match name_alone(before) {
            // The name first, the post in brackets after it.
            Some(name) => author(name, if has_post(inner) { inner } else { "" }),
            // A unit and a name, a note in brackets after them
            // (…党支部  李晓燕（高二年级组长）).
            None => byline(before),
        };
    }
    // After a label, the name first, then 职务：… or a web page's furniture
    // (作者：吴海涛　发布时间：…).
    let first = line.split(is_separator).next().unwrap_or("");
    if let Some(name) = name_alone(first).filter(|_| labelled.is_some() && first != line) {
        let post = line[first.len()..].trim_start_matches(is_separator);
        return author(name, post.strip_prefix("职务").unwrap_or(""));
    }
    if line.chars().count() > 30 {
        return None;
    }
    match line.rfind(is_separator) {
        Some(i) => {
            let (role, name) = (&line[..i], line[i..].trim_start_matches(is_separator));
            // A name written with a space inside (宗教科　黄　敏).
            let (role, name) = match role
                .trim_end_matches(is_separator)
                .rsplit_once(is_separator)
            {
                Some((before, first))
                    if first.chars().count() == 1 && name.chars().count() == 1 =>
                {
                    (before, format!("{first}{name}"))
                }
                _ => (role, name.to_string()),
            };
            let role = role.trim_end_matches(is_separator);
            // After a post, a name (rare surnames too); after a unit, a
            // name with a common surname.
            let named = (is_name(&name) && has_post(role)) || name_alone(&name).is_some();
            (named && !role.is_empty())
                .then(|| author(&name, role))
                .flatten()
        }
        None => {
            let end = ROLES
                .iter()
                .filter_map(|r| line.rfind(r).map(|i| i + r.len()))
                .max()?;
            let (role, name) = line.split_at(end);
            (is_name(name) && !role.is_empty())
                .then(|| author(name, role))
                .flatten()
        }
    }
}

fn is_separator(c: char) -> bool {
    is_space(c) || c == '：' || c == ':'
}

fn has_post(s: &str) -> bool {
    ROLES.iter().any(|r| s.contains(r))
}

/// Words a title or subtitle line ends with, or holds (the genre), never
/// a byline.
pub(crate) const GENRE: &[&str] = &["材料", "提纲", "发言"];

/// The line without a date at its end (`（2023年11月）`, `　2025年1月`,
/// `，2024年1月`).
pub(crate) fn without_date(line: &str) -> &str {
    let opens = |c: char| is_space(c) || "（(，,".contains(c);
    let cut = line
        .char_indices()
        .filter(|&(i, c)| i > 0 && (c.is_ascii_digit() || opens(c)))
        .filter(|&(i, _)| {
            let before = line[..i].chars().next_back();
            before.is_some_and(|c| opens(c) || is_han(c))
        })
        .find(|&(i, _)| {
            let rest = line[i..].trim_matches(|c: char| opens(c) || "）)".contains(c));
            rest.starts_with(|c: char| c.is_ascii_digit()) && is_date_line(rest)
        })
        .map(|(i, _)| i);
    cut.map_or(line, |i| line[..i].trim_end_matches(opens))
}
