"""Bytes to clean text: encoding detection, decoding and normalization.

Order of decisions (cheapest and surest first):
1. Byte-order marks (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE).
2. Known binary signatures (PNG, PDF, ZIP...) and NUL bytes: not text (UTF-16 without a BOM is
   recognised by its NUL bytes falling on one parity; a few stray NULs in text are dropped).
3. Strict UTF-8: most files are UTF-8, and a valid UTF-8 file is never sent to the detector. A
   last character cut in two (a pipe that closed early) is dropped with a warning.
4. Lines of UTF-8 Chinese and lines of GB18030/Big5 in one file: each line in its own encoding.
5. Nearly valid UTF-8 (a few broken bytes inside real UTF-8 text): UTF-8 with the bad bytes
   dropped and a warning, never a guess at a legacy codepage.
6. Otherwise charset-normalizer, arbitrated for Chinese: GB18030 and Big5 bytes decode as each
   other's mojibake, so both are tried and the one whose Han characters are common ones wins.

Normalization keeps the text as written (never NFKC: full-width punctuation carries meaning):
line endings become `\\n`, other line and paragraph separators become line breaks and blank
lines, a form feed stays (a page break: segmentation starts a new page there), tabs become
spaces, zero-width and other control characters are dropped.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .text import has_han

# Enough bytes for the detector to judge; decoding then covers the whole file.
DETECTION_SAMPLE_BYTES = 256 * 1024

_BOMS = (  # UTF-32 first: its LE mark starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF; extract its text first, e.g. with pdftotext"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx); save it as plain text first"),
    (b"\x1f\x8b", "a gzip archive; decompress it first"),
    (b"\xd0\xcf\x11\xe0", "an old Office document; save it as plain text first"),
    (b"{\\rtf", "an RTF document; save it as plain text first"),
    (b"\x7fELF", "a program"),
    (b"MZ", None),  # Windows executables: only with NULs (see _binary_reason)
)

# Share of control characters (other than line breaks and tabs) above which a decoded file is
# binary data that happened to decode, not text. Text keeps a few (a terminal colour code, a bell,
# a backspace in a scraped page: 9 in a 400-character page) and loses them in normalization.
_MAX_CONTROL_SHARE = 0.1
# Nearly-valid UTF-8: at least this many well-formed non-ASCII characters per broken sequence.
# GBK or Big5 bytes read as UTF-8 give about one well-formed character per six broken ones.
_UTF8_REPAIR_RATIO = 3
_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")
# Control characters other than whitespace ones, and private-use characters.
_ODD_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ue000-\uf8ff]")

_LINE_BREAKS = {
    "\x0b": "\n",  # vertical tab
    "\x0c": "\x0c",  # form feed: kept, a page break (segmentation reads it as one)
    "\x85": "\n",  # NEL
    "\u2028": "\n",  # line separator
    "\u2029": "\n\n",  # paragraph separator
}
# Invisible format characters: zero-width spaces/joiners, word joiner, BOM, soft hyphen,
# bidirectional marks and embeddings.
_INVISIBLE = (
    "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff\ufffd"
)


class NotTextError(ValueError):
    """The bytes are not a text file (or not one this tool can decode)."""


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode_bytes(data: bytes) -> Decoded:
    """Detect the encoding of `data`, decode it and normalize the text.

    Raises NotTextError for binary data and undecodable bytes. The caller checks for empty text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _finish(data, encoding, bom=True)
    reason = _binary_reason(data)
    if reason == "utf-16":
        return _finish(data, _utf16_endianness(data))
    if reason:
        raise NotTextError(reason)
    decoded = _decode_text(data)
    nuls = data.count(b"\x00")
    if nuls:
        decoded.warnings.append(f"dropped {nuls} NUL byte(s)")
    return decoded


def _decode_text(data: bytes) -> Decoded:
    """Text that is neither marked by a BOM nor UTF-16: UTF-8, a mix, or a legacy encoding."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _cut_short(data, exc):  # valid UTF-8 that stops in the middle of a character
            dropped = len(data) - exc.start
            warning = f"the input ends in the middle of a character (cut short?); dropped its last {dropped} byte(s)"
            return _checked(data[: exc.start].decode("utf-8"), "utf-8", [warning])
    else:
        return _checked(text, "utf-8")
    replaced = data.decode("utf-8", errors="replace")
    decoded = _mixed_utf8_and_chinese(data, replaced) or _nearly_utf8(replaced)
    del replaced
    if decoded is not None:
        return decoded
    return _finish(data, _detect_legacy(data))


def sniff_binary(head: bytes) -> str | None:
    """Why the first bytes of an input already show it is not text (None when they may be): lets
    a reader give up on an endless stream of binary data without reading all of it."""
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    reason = _binary_reason(head)
    return None if reason == "utf-16" else reason


def normalize_text(text: str) -> str:
    """CR/CRLF to LF, page and paragraph separators to blank lines, tabs to spaces, drop
    invisible and control characters. Idempotent; never changes any other character."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _needs_translation().search(text) is None:  # the common case: no copy
        return text
    return text.translate(_translation_table())


@lru_cache(maxsize=1)
def _needs_translation() -> re.Pattern[str]:
    changed = "".join(chr(code) for code, value in _translation_table().items() if value != chr(code))
    return re.compile(f"[{re.escape(changed)}]")


@lru_cache(maxsize=1)
def _translation_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(c): None for c in _INVISIBLE}
    for code in list(range(0x00, 0x20)) + list(range(0x7F, 0xA0)):
        table[code] = None
    table[ord("\n")] = "\n"
    table[ord("\t")] = " "
    for char, replacement in _LINE_BREAKS.items():
        table[ord(char)] = replacement
    return table


def _finish(data: bytes, encoding: str, *, bom: bool = False) -> Decoded:
    """Decode all of `data` with `encoding`; bytes it cannot decode are dropped with a warning."""
    warnings: list[str] = []
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        bad = text.count("\ufffd")
        if not bom and bad * 10 > max(len(text), 1):
            raise NotTextError(f"cannot decode the bytes as {encoding} or any other known encoding") from None
        warnings.append(f"dropped {bad} undecodable byte sequence(s) (file is not valid {encoding})")
    del data
    return _checked(text, encoding, warnings)


def _checked(text: str, encoding: str, warnings: list[str] | None = None) -> Decoded:
    """Normalize decoded text, unless it is binary data that happened to decode: that still
    reads as control or unassigned characters."""
    sample = text[:DETECTION_SAMPLE_BYTES]
    if sample and len(_ODD_CHARS.findall(sample)) / len(sample) > _MAX_CONTROL_SHARE:
        raise NotTextError("not a text file: it is mostly control or private-use characters")
    return Decoded(normalize_text(text), encoding, warnings or [])


def _binary_reason(data: bytes) -> str | None:
    """Why `data` is not text, "utf-16" for BOM-less UTF-16, or None for text-like bytes."""
    head = data[:DETECTION_SAMPLE_BYTES]
    has_nul = b"\x00" in head
    for signature, what in _SIGNATURES:
        if head.startswith(signature) and (what is not None or has_nul):
            return f"not a text file: it looks like {what or 'a program'}"
    controls = sum(head.count(bytes([b])) for b in range(1, 0x20) if b not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B, 0x0B))
    if not has_nul:
        if head and controls / len(head) > 0.1:
            return "not a text file: it is mostly control bytes"
        return None
    if head.count(0) <= len(head) * _STRAY_NUL_SHARE and controls <= len(head) * _STRAY_NUL_SHARE:
        return None  # text with a few stray NUL bytes (a damaged dump): they are dropped
    if _utf16_endianness(data):
        return "utf-16"
    return "not a text file: it contains NUL bytes"


_STRAY_NUL_SHARE = 0.001


def _utf16_endianness(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when BOM-less UTF-16 (NULs mostly on one byte parity), else None."""
    head = data[: DETECTION_SAMPLE_BYTES & ~1]
    if len(head) < 4 or len(data) % 2:
        return None
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    # ASCII characters put their NUL on one side; a few Han characters (U+4E00...) on the other.
    if odd > 3 * even:
        candidate = "utf-16-le"
    elif even > 3 * odd:
        candidate = "utf-16-be"
    else:
        return None
    try:
        head.decode(candidate)
    except UnicodeDecodeError:
        return None
    return candidate


def _cut_short(data: bytes, exc: UnicodeDecodeError) -> bool:
    """Whether the only problem of `data` is an incomplete last character (a pipe or a copy that
    stopped early): the error is at the very end and everything before it decodes."""
    return exc.end == len(data) and len(data) - exc.start < 4 and _decodes(data[: exc.start], exc.encoding)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _decode_sample(sample: bytes, encoding: str) -> str | None:
    """`sample` decoded, tolerating an incomplete last character (a file cut short); None if
    it does not decode."""
    try:
        return sample.decode(encoding)
    except UnicodeDecodeError as exc:
        if _cut_short(sample, exc):
            return sample[: exc.start].decode(encoding)
        return None


def _mixed_utf8_and_chinese(data: bytes, replaced: str) -> Decoded | None:
    """Lines of UTF-8 Chinese and lines of GB18030 or Big5 in one file (pages pasted together
    from different sources): each line decoded in its own encoding, with a warning. None unless
    the UTF-8 lines hold real Chinese and the others decode as common Chinese. `replaced` is
    `data` decoded as UTF-8 with replacement characters. (A line break is never part of a
    multi-byte character in these encodings, so lines of bytes and of text correspond.)"""
    lines = replaced.split("\n")
    legacy = ["\ufffd" in line for line in lines]
    utf8_text = "".join(line for line, bad in zip(lines, legacy) if not bad)
    legacy_chars = sum(line.count("\ufffd") for line, bad in zip(lines, legacy) if bad)
    utf8_chars = len(_NON_ASCII.findall(utf8_text))
    if not has_han(utf8_text) or utf8_chars < _MIN_UTF8_SHARE * (utf8_chars + legacy_chars):
        return None
    del utf8_text
    raw = data.split(b"\n")
    sample = _detection_sample(b"\n".join(line for line, bad in zip(raw, legacy) if bad))
    encoding = _best_chinese_encoding(sample)
    if encoding is None:
        return None
    for i, bad in enumerate(legacy):
        if bad and not _decodes(raw[i], "utf-8"):  # (a replacement character in the UTF-8 itself)
            lines[i] = raw[i].decode(encoding, errors="replace")
    del raw
    warning = f"{sum(legacy)} line(s) are in {encoding}, the rest in UTF-8; each was decoded in its own encoding"
    return _checked("\n".join(lines), "utf-8+" + encoding, [warning])


# Mixed files: the UTF-8 lines hold at least this share of the non-ASCII bytes (a line of a
# legacy-encoded file is valid UTF-8 only by rare accident, and then not Chinese).
_MIN_UTF8_SHARE = 0.05


def _nearly_utf8(text: str) -> Decoded | None:
    """UTF-8 text with a few broken bytes (`text`: decoded with replacement characters): drop
    them, warn."""
    bad = text.count("\ufffd")
    multibyte = len(_NON_ASCII.findall(text, 0, 4 * DETECTION_SAMPLE_BYTES))
    if multibyte < bad * _UTF8_REPAIR_RATIO:
        return None
    warning = f"dropped {bad} invalid UTF-8 byte sequence(s); the rest of the file is valid UTF-8"
    return _checked(text, "utf-8", [warning])


def _detect_legacy(data: bytes) -> str:
    """The encoding of non-UTF-8 bytes: Chinese legacy encodings first, then the detector."""
    sample = _detection_sample(data)
    chinese = _best_chinese_encoding(sample)
    if chinese:
        return chinese
    from charset_normalizer import from_bytes

    matches = list(from_bytes(sample))
    if not matches:
        raise NotTextError("cannot detect the text encoding; save the file as UTF-8")
    # Among (nearly) equally clean readings, prefer the most widespread codepages.
    least_chaos = min(m.chaos for m in matches)
    clean = [m.encoding for m in sorted(matches, key=lambda m: m.chaos) if m.chaos <= least_chaos + _CHAOS_TOLERANCE]
    encoding = next((e for e in _PREFERRED if e in clean), clean[0])
    if encoding.startswith("gb") or encoding == "hz":
        return "gb18030"
    if encoding in ("big5", "cp950", "big5hkscs"):
        return _big5_variant(data) or encoding
    return encoding


_PREFERRED = ("utf_8", "cp1252", "cp1250", "latin_1", "iso8859_15", "cp1251", "koi8_r", "shift_jis", "cp932", "euc_kr", "cp949")
_CHAOS_TOLERANCE = 0.01


def _detection_sample(data: bytes) -> bytes:
    """A prefix cut at a line break: 0x0A is never part of a GBK or Big5 character."""
    if len(data) <= DETECTION_SAMPLE_BYTES:
        return data
    cut = data.rfind(b"\n", 0, DETECTION_SAMPLE_BYTES)
    return data[: cut if cut > 0 else DETECTION_SAMPLE_BYTES]


def _best_chinese_encoding(sample: bytes) -> str | None:
    """GB18030 or a Big5 variant when one of them decodes `sample` into common Chinese."""
    scored = []
    for encoding in ("gb18030", _big5_variant(sample)):
        if encoding is None:
            continue
        text = _decode_sample(sample, encoding)
        if text is None:
            continue
        han = [c for c in text if _is_han(c)]
        if len(han) < 2:
            continue
        common = _common_han()
        share = sum(1 for c in han if c in common) / len(han)
        scored.append((share, len(han), encoding))
    if not scored:
        return None
    share, count, encoding = max(scored)
    # Real Chinese prose: nearly 90% of its characters are among the most common ones. Mojibake
    # from the wrong codec: a small share, except Korean (EUC-KR) and Japanese (EUC-JP) read as
    # GB18030: their lead bytes fall on GB2312's common characters (up to ~70%). A few characters
    # (a name, a headline) prove less, so short samples need less.
    needed = _CHINESE_SHARE if count >= _CHINESE_SHARE_MIN_HAN else _SHORT_CHINESE_SHARE
    return encoding if share >= needed else None


_CHINESE_SHARE = 0.78
_SHORT_CHINESE_SHARE = 0.4
_CHINESE_SHARE_MIN_HAN = 12


def _big5_variant(data: bytes) -> str | None:
    """The narrowest Big5 codec that decodes `data` (CP950 and HKSCS add characters)."""
    for encoding in ("big5", "cp950", "big5hkscs"):
        if _decode_sample(data, encoding) is not None:
            return encoding
    return None


def _is_han(char: str) -> bool:
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x3134F


# The most frequent characters of Chinese news text (Simplified forms); Traditional forms are
# derived with OpenCC. Used only to arbitrate between GB18030 and Big5.
_COMMON_SIMPLIFIED = (
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年"
    "过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心"
    "她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间"
    "由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给"
    "世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变"
    "四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社"
    "便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北"
    "边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济"
    "车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团"
    "集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企"
    "八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考"
    "落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音"
    "跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采"
    "举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普"
    "怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆"
    "习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担"
    "州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱"
    "抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版"
    "宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾"
    "吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康"
    "虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓"
    "督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋"
    "避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟"
    "骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞"
    "努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯"
    "夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵硬"
    "麦蒋操耶阻订彩抽赞魔纷沿喊违妹浪汇币丰蓝殊献桌啦瓦莱援译夺汽烧距裁偏符勇触课敬哭懂墙袭召罚"
    "侠厅拜巧侧韩冒债曼融惯享戴童犹乘挂奖绍厚纵障讯涉彻刊丈爆乌役描洗玛患妙镜唱烦签仙彼弗症仿倾"
    "牌陷鸟轰咱菜闭奋庆撤泪茶疾缘播朗杜奶季丹狗尾仪偷奔珠虫驻孔宜艾桥淡翼恨繁寒伴叹旦愈潮粮缩罢"
    "聚径恰挑袋灰捕徐珍幕映裂泰隔启尖忠累炎暂估泛荒偿横拒瑞忆孤鼻闹羊呆厉衡胞零穷舍码赫婆魂灾洪"
    "腿胆津俗辩胸晓劲贫仁偶辑邦恢赖圈摸仰润堆碰艇稍迟辆废净凶署壁御奉旋冬矿抬蛋晨伏吹鸡倍糊秦盾"
    "杯租骑乏隆诊奴摄丧污渡旗甘耐凭扎抢绪粗肩梁幻菲皆碎宙叔岩荡综爬荷悉蒂返井壮薄悄扫敏碍殖详迪"
    "矛霍允幅撒剩凯颗骂赏液番箱贴漫酸郎腰舒眉忧浮辛恋餐吓挺励辞艘键伍峰尺昨黎辈贯侦滑券崇扰宪绕"
    "趋慈乔阅汗枝拖墨胁插箭腊粉泥氏彭拔骗凤慧媒佩愤扑龄驱惜豪掩兼跃尸肃帕驶堡届欣惠册储飘桑闲惨"
    "洁踪勃宾频仇磨递邪撞拟滚奏巡颜剂绩贡疯坡瞧截燃焦殿伪柳锁逼颇昏劝呈搜勤戒驾漂饮曹朵仔柔俩孟"
    "腐幼践籍牧凉牲佳娜浓芳稿竹腹跌逻垂遵脉貌柏狱猜怜惑陶兽帐饰贷昌叙躺钢沟寄扶铺邓寿惧询汤盗肥"
    "尝匆辉奈扣廷澳嘛董迁凝慰厌脏腾幽怨鞋丢埋泉涌辖躲晋紫艰魏吾慌祝邮吐狠鉴曰械咬邻赤挤弯椅陪割"
    "揭韦悟聪雾锋梯猫祥阔誉筹丛牵鸣沈阁穆屈旨袖猎臂蛇贺柱抛鼠瑟戈牢逊迈欺吨琴衰瓶恼燕仲诱狼池疼"
    "卢仗冠粒遥吕玄尘冯抚浅敦纠钻晶岂峡苍喷耗凌敲菌赔涂粹扁亏寂煤熊恭湿循暖糖赋抑秩帽哀宿踏烂袁"
    "侯抖夹昆肝擦猪炼恒慎搬纽纹玻渔磁铜齿跨押怖漠疲叛遣兹祭醉拳弥斜档稀捷肤疫肿豆削岗晃吞宏癌肚"
    "隶履涨耀扭坛拨沃绘伐堪仆郭牺歼墓雇廉契拼惩捉覆刷劫嫌瓜歇雕闷乳串娃缴唤赢莲霸桃妥瘦搭赴岳嘉"
    "舱俊址庞耕锐缝悔邀玲惟斥宅添挖呵讼氧浩羽斤酷掠妖祸侍乙妨贪挣汪尿莉悬唇翰仓轨枚盐览傅帅庙芬"
    "屏寺胖璃愚滴疏萧姿颤丑劣柯寸扔盯辱匹俱辨饿蜂哦腔郁溃谨糟葛苗肠忌溜鸿爵鹏鹰笼丘桂滋聊挡纲肌"
    "茨壳痕碗穴膀卓贤卧膜毅锦欠哩函茫昂薛皱夸豫胃舌剥傲拾窝睁携陵哼棉晴铃填饲渴吻扮逆脆喘罩卜炉"
    "柴愉绳胎蓄眠竭喂傻慕浑奸扇柜悦拦诞饱乾泡贼亭夕爹酬儒姻卵氛泄杆挨僧蜜吟猩遂狭肖甜霞驳裕顽於"
    "摘矮秒卿畜咽披辅勾盆疆赌塑畏吵囊嗯泊肺骤缠冈羞瞪吊贾漏斑涛悠鹿俘锡卑葬铭滩嫁催璇翅盒蛮矣潘"
    "歧赐鲍锅廊拆灌勉盲宰佐啥胀扯禧辽抹筒棋裤唉朴咐孕誓喉妄拘链驰栏逝窃艳臭纤玑棵趁匠盈翁愁瞬婴"
    "孝颈倘浙谅蔽畅赠妮莎尉冻跪闯葡後厨鸭颠遮谊圳吁仑辟瘤嫂陀框谭亨钦庸歉芝吼甫衫摊宴嘱衷娇陕矩"
    "浦讶耸裸碧摧薪淋耻胶屠鹅饥盼脖虹翠崩账萍逢赚撑翔倡绵猴枯巫昭怔渊凑溪蠢禅阐旺寓藤匪伞碑挪琼"
    "脂谎慨菩萄狮掘抄岭晕逮砍挫贩冶垃圾义乌"
)


@lru_cache(maxsize=1)
def _common_han() -> frozenset[str]:
    chars = set(_COMMON_SIMPLIFIED)
    from .script import to_traditional

    chars.update(to_traditional(_COMMON_SIMPLIFIED))
    return frozenset(chars)
