//! Personal names on a report's title block or byline: a line that is a
//! name alone (张伟, 发言人：张伟), a name beside a post (局长 孙卫东). The
//! view reads them (a name under a wrapped title is no continuation), the
//! outline and the archive too.

use crate::text::{is_han, is_space};

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
];

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
    let line = ["发言人", "汇报人", "姓名"]
        .iter()
        .find_map(|w| line.strip_prefix(w))
        .map_or(line, |rest| rest.trim_start_matches(['：', ':', ' ']));
    let name = line.strip_suffix("同志").unwrap_or(line);
    // Four characters only with a surname of two (欧阳晓东): 学习心得 and
    // 党性修养 are no names.
    let compound = COMPOUND_SURNAMES.iter().any(|s| name.starts_with(s));
    let surnamed = compound
        || (name.chars().nth(3).is_none()
            && name.chars().next().is_some_and(|c| SURNAMES.contains(c)));
    (is_name(name) && surnamed && !NOT_NAMES.iter().any(|w| name.contains(w))).then_some(name)
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
