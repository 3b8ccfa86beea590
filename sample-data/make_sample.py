#!/usr/bin/env python3
"""Deterministic generator of the Liangxin sample data for the invented city 示例市.

Standard library only. Run from anywhere:  python3 sample-data/make_sample.py
Writes every CSV of /work/spec/SAMPLE_DATA_SPEC.md next to this script. The same seed always gives the
same bytes (no set iteration, no hash-order dependence). "Today" is 2026-11-22.

All people, companies, brands, streets and roads are invented. Figures to test against are NOT computed
here: sample-data/count_expected.py counts them from the CSVs independently and writes EXPECTED.md.

How the figures are steered (all deterministic):
- coverage: operating units are split into disjoint strata (工商联/other 非公企业, 小个专, 民办学校, 中介组织, other
  社会组织, 快递外卖网约车 and 货车/主播 units) and an exact number per stratum is covered, so the group rates land on
  the seed figures (84.91, 80.83, 29.07, 94.53, 98.46, 92.77, 14.14 %); formations then follow the spec's shares.
- last year: a few covered units per group get their coverage dated 2026 until every group's rate at
  2025-12-31 is at least half a point lower than today.
- planted cases: 1 operating unit on a revoked own branch and 2 on a revoked joint branch (joined in 2026);
  6 units under two 兼合式 branches (all with instructors); 5 joint branches over 5 units and one with
  5 operating + 1 deregistered unit; 5 党支部 over 50 members; 应建未建 units among joint/industry/uncovered;
  stations last logged 2026-10-23 (not idle), 2026-10-22 and 2026-09-08 (idle), and one with no log;
  高新区 with no running station; one secretary at exactly 56.0 学时 in 2026.
"""
import csv
import datetime as dt
import os
import random

SEED = 20261122
rng = random.Random(SEED)
OUT = os.path.dirname(os.path.abspath(__file__))

TODAY = dt.date(2026, 11, 22)
Y2026 = dt.date(2026, 1, 1)
END2025 = dt.date(2025, 12, 31)
SIX_MONTHS_AGO = dt.date(2026, 5, 22)
LOG_START = dt.date(2025, 11, 23)


def D(s):
    return dt.date.fromisoformat(s)


def rdate(a, b, future=False):
    """Uniform random date in [a, b] (inclusive); a, b dates or ISO strings. Never after TODAY unless future."""
    a = D(a) if isinstance(a, str) else a
    b = D(b) if isinstance(b, str) else b
    if not future:
        a, b = min(a, TODAY), min(b, TODAY)
    if b < a:
        b = a
    return a + dt.timedelta(days=rng.randint(0, (b - a).days))


def days(n):
    return dt.timedelta(days=n)


def wpick(pairs):
    """pairs: [(value, weight), ...]"""
    vals = [p[0] for p in pairs]
    ws = [p[1] for p in pairs]
    return rng.choices(vals, weights=ws)[0]


def wsample(items, k, wfun):
    """Weighted sample without replacement (Efraimidis–Spirakis), deterministic given rng state."""
    keyed = []
    for i, x in enumerate(items):
        w = wfun(x)
        key = rng.random() ** (1.0 / w) if w > 0 else -1.0
        keyed.append((key, i))
    keyed.sort(key=lambda t: (-t[0], t[1]))
    return [items[i] for key, i in keyed[:k] if key >= 0]


def iround(x):
    return int(x + 0.5)


CN_NUM = "零一二三四五六七八九十"


def cn(n):
    if n <= 10:
        return CN_NUM[n]
    if n < 20:
        return "十" + CN_NUM[n - 10]
    return CN_NUM[n // 10] + "十" + (CN_NUM[n % 10] if n % 10 else "")


# ---------------------------------------------------------------------------------------------------------
# GB 32100 unified social credit code
# ---------------------------------------------------------------------------------------------------------
CC_ALPHA = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def gb32100_check(first17):
    s = sum(CC_ALPHA.index(c) * w for c, w in zip(first17, CC_WEIGHTS))
    v = 31 - s % 31
    if v == 31:
        v = 0
    return CC_ALPHA[v]


def gb32100_valid(code):
    return (len(code) == 18 and all(c in CC_ALPHA for c in code)
            and gb32100_check(code[:17]) == code[17])


CC_PREFIX = {"私营企业": "91", "外商投资企业": "91", "个体工商户": "92", "专业市场": "91", "社会团体": "51",
             "民办非企业单位": "52", "民办学校": "52", "基金会": "53", "律师事务所": "31",
             "会计师事务所": "91", "税务师事务所": "91"}
_codes_used = set()


def credit_code(category, district_code):
    while True:
        body = CC_PREFIX[category] + district_code + "".join(rng.choice(CC_ALPHA) for _ in range(9))
        code = body + gb32100_check(body)
        if code not in _codes_used:
            _codes_used.add(code)
            return code


# ---------------------------------------------------------------------------------------------------------
# People, phones
# ---------------------------------------------------------------------------------------------------------
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
            "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红文辉建国志海燕鹏斌宇浩凯俊峰晨欣婷雪琳慧佳嘉"
         "子梓睿航博宁悦思雨晓春立永林成东亮晶飞健颖倩瑞新兰凤云荣梅莉鑫帅丹彬越泽晗涵琪欢振德胜利金宏庆德安")


def person():
    s = SURNAMES[min(int(rng.random() ** 1.6 * len(SURNAMES)), len(SURNAMES) - 1)]
    if rng.random() < 0.62:
        g = rng.choice(GIVEN) + rng.choice(GIVEN)
        if g[0] == g[1] and rng.random() < 0.7:
            g = g[0] + rng.choice(GIVEN)
    else:
        g = rng.choice(GIVEN)
    return s + g


PHONE_PREFIXES = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
                  "156", "157", "158", "159", "166", "173", "176", "177", "178", "180", "181", "182", "183", "185",
                  "186", "187", "188", "189", "191", "198", "199"]
_phones_used = set()


def phone():
    while True:
        p = rng.choice(PHONE_PREFIXES) + "".join(rng.choice("0123456789") for _ in range(8))
        if p not in _phones_used:
            _phones_used.add(p)
            return p


# ---------------------------------------------------------------------------------------------------------
# Regions
# ---------------------------------------------------------------------------------------------------------
PROVINCE = ("990000", "示例省")
CITY = ("990100", "示例市")
DISTRICTS = [
    ("990102", "东湖区", ["东湖街道", "桃源街道", "长安街道", "滨湖街道", "民主街道", "春晖街道", "湖心街道"],
     ["长安路", "湖滨路", "桃源路", "春晖大道", "民主路", "东湖大道", "解放路", "滨湖北路"], (30.565, 114.325)),
    ("990103", "西岭区", ["西岭街道", "枫林街道", "翠屏街道", "白沙街道", "望江街道", "松柏街道"],
     ["西岭大道", "枫林路", "翠屏路", "白沙路", "望江路", "松柏路", "岭南路"], (30.552, 114.218)),
    ("990104", "南港区", ["南港街道", "海晏街道", "渔港街道", "新港街道", "金沙街道", "港湾街道", "潮音街道", "观海街道"],
     ["港城大道", "海晏路", "渔港路", "新港路", "金沙路", "潮音路", "观海路", "临港大道"], (30.478, 114.302)),
    ("990105", "北辰区", ["北辰街道", "星火街道", "青云街道", "文昌街道", "瑞丰街道", "拱辰街道"],
     ["北辰大道", "星火路", "青云路", "文昌路", "瑞丰路", "拱辰街", "朝阳路"], (30.642, 114.296)),
    ("990106", "高新区", ["科创街道", "数港街道", "云谷街道", "翠湖街道", "未来城街道"],
     ["科创大道", "数港路", "云谷路", "翠湖路", "未来大道", "智谷路", "创业路"], (30.503, 114.418)),
    ("990121", "临川县", ["城关镇", "临溪镇", "石桥镇", "清水镇", "龙泉镇", "梅岭乡", "白鹤乡"],
     ["城关大道", "临溪路", "石桥街", "清水路", "龙泉路", "梅岭路", "建设路"], (30.721, 114.118)),
]
DIST_WEIGHT = {"990102": 0.21, "990103": 0.15, "990104": 0.18, "990105": 0.15, "990106": 0.18, "990121": 0.13}
COMMUNITY_POOL = ["桃园", "幸福", "和平", "锦绣", "阳光", "春华", "新村", "丽景", "花园", "翠苑", "友谊", "团结", "康乐",
                  "金桂", "银杏", "紫荆", "枫丹", "望湖", "滨江", "海棠", "玉兰", "芙蓉", "青松", "明珠", "东方", "朝晖",
                  "晨曦", "星光", "月湖", "书香", "文苑", "学府", "鸿福", "永安", "长乐", "天和", "景园", "丰泽", "嘉禾",
                  "双桥", "古井", "柳荫", "荷塘", "莲花", "南湖", "绿洲", "福寿", "安居", "欣悦", "润园"]

regions = []          # dicts: code, name, level, parent_code
region_name = {}
district_of = {}      # any code -> district code
district_name = {}
district_short = {}
streets_of = {}       # district -> [street codes]
communities_of = {}   # street -> [community codes]
street_center = {}
DIST_ROADS = {}
DIST_CENTER = {}


def add_region(code, name, level, parent):
    regions.append({"code": code, "name": name, "level": level, "parent_code": parent})
    region_name[code] = name


add_region(PROVINCE[0], PROVINCE[1], 1, "")
add_region(CITY[0], CITY[1], 2, PROVINCE[0])
pool = COMMUNITY_POOL[:]
rng.shuffle(pool)
for dcode, dname, streets, roads, center in DISTRICTS:
    add_region(dcode, dname, 3, CITY[0])
    district_of[dcode] = dcode
    district_name[dcode] = dname
    district_short[dcode] = dname[:-1]
    DIST_ROADS[dcode] = roads
    DIST_CENTER[dcode] = center
    streets_of[dcode] = []
    for i, sname in enumerate(streets, 1):
        scode = dcode + "%03d" % i
        add_region(scode, sname, 4, dcode)
        district_of[scode] = dcode
        streets_of[dcode].append(scode)
        street_center[scode] = (center[0] + rng.uniform(-0.025, 0.025), center[1] + rng.uniform(-0.03, 0.03))
        communities_of[scode] = []
        if rng.random() < 0.55 and pool:
            for j in range(1, rng.choice([2, 2, 3]) + 1):
                ccode = scode + "%03d" % j
                add_region(ccode, pool.pop() + "社区", 5, scode)
                district_of[ccode] = dcode
                communities_of[scode].append(ccode)

DCODES = [d[0] for d in DISTRICTS]


def street_of(code):
    return code[:9]


def street_short(scode):
    n = region_name[street_of(scode)]
    for suf in ("街道", "镇", "乡"):
        if n.endswith(suf):
            return n[:-len(suf)]
    return n


def pick_district():
    return rng.choices(DCODES, weights=[DIST_WEIGHT[c] for c in DCODES])[0]


def pick_place(dcode=None):
    dcode = dcode or pick_district()
    scode = rng.choice(streets_of[dcode])
    if communities_of[scode] and rng.random() < 0.5:
        return rng.choice(communities_of[scode])
    return scode


def address(code):
    dcode = district_of[code]
    road = rng.choice(DIST_ROADS[dcode])
    n = int(rng.random() ** 1.7 * 400) + 1
    a = "示例市%s%s%d号" % (district_name[dcode], road, n)
    r = rng.random()
    if r < 0.15:
        a += "%d栋%d室" % (rng.randint(1, 12), rng.randint(1, 28) * 100 + rng.randint(1, 12))
    elif r < 0.22:
        a += "附%d号" % rng.randint(1, 9)
    return a


# ---------------------------------------------------------------------------------------------------------
# Names of units
# ---------------------------------------------------------------------------------------------------------
ZH_A = "恒鑫华瑞宏盛泰嘉金永兴利诚信博创达德丰海汇佳锦凯坤隆明鹏启荣润森胜天拓伟祥新旭亚耀益宇远跃正志卓铭晟昊澜峻"
ZH_B = "远达盛泰源丰瑞通祥发诚昌隆辉鑫华宇邦成科峰誉泽润辰越航晟凯联信茂景安鼎恒嘉和展彩驰耀川岳汇创"
BRAND_BLACKLIST = {"华为", "万达", "恒大", "华润", "美的", "格力", "海尔", "联想", "腾讯", "京东", "苏宁", "国美", "万科",
                   "中兴", "吉利", "海信", "康佳", "创维", "伊利", "蒙牛", "统一", "达利", "亚信", "神州", "用友", "金蝶",
                   "东软", "浪潮", "永辉", "华联", "百联", "宏图", "国泰", "中信", "招商", "平安", "太平", "泰康", "新华",
                   "民生", "兴业", "光大", "华夏", "恒生", "中海", "保利", "金地", "龙湖", "融创", "绿地", "世茂", "旭辉",
                   "金科", "华发", "红星", "正泰", "天正", "海天", "利群", "红豆", "森马", "恒安", "汇源", "远大", "金龙",
                   "宇通", "亚泰", "盛泰", "华宇", "德邦", "天安", "新希", "鼎和", "华安", "安邦", "泰和", "恒信", "达安",
                   "金信", "中通", "圆通", "申通", "韵达", "顺丰", "极兔", "美团", "滴滴", "华泰", "广发", "国信", "海通",
                   "瑞达", "佳兆", "卓越", "正邦", "荣盛", "金辉", "宝龙", "旭日", "海航", "宏达", "新华", "昌河", "嘉华"}
_zihao_used = set()


def zihao(unique=True):
    for _ in range(500):
        z = rng.choice(ZH_A) + rng.choice(ZH_B)
        if z[0] == z[1] or z in BRAND_BLACKLIST:
            continue
        if unique and z in _zihao_used:
            continue
        if unique:
            _zihao_used.add(z)
        return z
    raise RuntimeError("out of 字号")


_names_used = set()


def unique_name(fn):
    for _ in range(400):
        n = fn()
        if n not in _names_used:
            _names_used.add(n)
            return n
    raise RuntimeError("cannot make a unique name")


ENT_BUSINESS = [
    ("制造业", ["机械制造", "精密模具", "新材料", "食品", "服装", "塑胶制品", "包装印刷", "汽车配件", "五金制品", "家具",
             "电子科技", "环保设备", "纺织", "医疗器械"], 24),
    ("批发和零售业", ["商贸", "贸易", "百货", "医药连锁", "建材", "农产品", "电子商务"], 20),
    ("信息技术服务", ["信息技术", "软件", "网络科技", "数据科技", "智能科技"], 12),
    ("住宿和餐饮业", ["餐饮管理", "酒店管理", "餐饮服务", "食品配送"], 10),
    ("建筑业", ["建设工程", "建筑装饰", "市政工程", "建筑劳务", "钢结构工程"], 11),
    ("房地产业", ["物业服务", "房地产开发", "房产经纪"], 6),
    ("交通运输仓储和邮政业", ["物流", "运输", "仓储服务", "供应链管理"], 7),
    ("租赁和商务服务业", ["人力资源", "企业管理咨询", "广告传媒", "会展服务"], 6),
    ("科学研究和技术服务业", ["检测技术", "环境科技", "生物科技", "工程设计"], 4),
]
INDUSTRY_LABEL = {"制造业": "制造业", "批发和零售业": "商贸流通", "信息技术服务": "软件和信息服务", "住宿和餐饮业": "餐饮住宿",
                  "建筑业": "建筑业", "房地产业": "物业服务", "交通运输仓储和邮政业": "物流运输",
                  "租赁和商务服务业": "商务服务", "科学研究和技术服务业": "科技服务",
                  "居民服务修理和其他服务业": "居民服务", "文化体育和娱乐业": "文化传媒"}
FOREIGN_ZH = ["凯森", "维斯顿", "博朗特", "艾迪森", "康瑞德", "诺维", "爱思特", "韦尔斯", "伊莱", "丰田野", "大和光", "三和精",
              "泰普森", "蓝思德", "高丽星", "新和田", "奥克兰", "普瑞斯", "贝科", "汉斯", "卡洛", "米兰达", "麦格瑞", "昭和通",
              "东洋精", "瑞尔特", "安德鲁", "阿尔法", "佳能达", "福斯特"]


def ent_name(dcode):
    ind_row = rng.choices(ENT_BUSINESS, weights=[r[2] for r in ENT_BUSINESS])[0]
    ind, biz = ind_row[0], rng.choice(ind_row[1])

    def f():
        prefix = "示例市" + (district_name[dcode] if rng.random() < 0.55 else "")
        suffix = wpick([("有限公司", 80), ("有限责任公司", 12), ("股份有限公司", 8)])
        return prefix + zihao() + biz + suffix
    return unique_name(f), ind


def foreign_name(dcode):
    ind_row = rng.choices(ENT_BUSINESS[:3] + ENT_BUSINESS[7:], weights=[5, 2, 2, 1, 1])[0]
    ind, biz = ind_row[0], rng.choice(ind_row[1])

    def f():
        return rng.choice(FOREIGN_ZH) + biz + "（示例市）有限公司"
    return unique_name(f), ind


XGZ_SHOPS = [
    ("住宿和餐饮业", "记", ["小吃店", "面馆", "早餐店", "烧烤店", "汤粉店", "饺子馆", "包子铺", "快餐店", "米粉店", "卤味店"], 30),
    ("居民服务修理和其他服务业", "氏", ["理发店", "修车行", "干洗店", "裁缝铺", "家电维修部", "开锁店", "洗车店"], 18),
    ("批发和零售业", "", ["便利店", "五金店", "水果店", "超市", "文具店", "茶叶店", "服装店", "烟酒店", "母婴店", "花店",
                       "眼镜店", "手机维修店", "建材经营部", "日用品商行", "农资店", "粮油店", "鞋店"], 52),
]


def xgz_name(dcode):
    row = rng.choices(XGZ_SHOPS, weights=[r[3] for r in XGZ_SHOPS])[0]
    ind = row[0]

    def f():
        shop = rng.choice(row[2])
        pre = district_name[dcode] if rng.random() < 0.6 else ""
        if row[1] and rng.random() < 0.7:
            return pre + rng.choice(SURNAMES[:60]) + row[1] + shop
        if rng.random() < 0.25:
            return pre + rng.choice(SURNAMES[:60]) + rng.choice(["姐", "哥", "叔", "嫂"]) + shop
        return pre + zihao(unique=False) + shop
    return unique_name(f), ind


MARKET_TYPES = ["农贸市场", "水产批发市场", "建材市场", "小商品市场", "花卉市场", "二手车市场", "服装批发市场", "果蔬批发市场",
                "五金机电市场", "家具市场"]


def market_name(dcode, place):
    def f():
        r = rng.random()
        if r < 0.4:
            return district_name[dcode] + street_short(place) + rng.choice(MARKET_TYPES)
        return "示例市" + zihao(unique=False) + rng.choice(MARKET_TYPES)
    return unique_name(f), "租赁和商务服务业"


ST_FIELDS = ["青年志愿者", "摄影家", "书法家", "餐饮行业", "物流行业", "汽车维修行业", "老年体育", "围棋", "家政服务业",
             "电子商务", "软件行业", "美容美发行业", "物业管理", "建筑业", "烹饪", "诗词", "收藏家", "钓鱼", "太极拳",
             "广场舞", "登山", "自行车运动", "篮球", "足球", "乒乓球", "羽毛球", "游泳", "象棋", "读书", "科普", "心理卫生",
             "婚姻家庭", "残疾人康复", "养老服务", "社会工作", "律师", "注册会计师", "民营经济", "中小企业", "女企业家",
             "青年企业家", "新阶层人士", "网络文艺", "直播电商", "快递物流", "食品安全", "茶文化", "花卉园艺", "曲艺",
             "舞蹈", "音乐", "美术", "民俗文化", "地方史", "健身气功", "户外运动", "无线电运动", "航模", "信鸽", "文明交通",
             "消费者权益", "环境保护", "民宿", "旅游", "酒店行业", "再生资源", "商业联合", "个体劳动者", "私营企业",
             "房地产业", "装饰装修", "建材行业", "粮食行业", "水产行业", "蔬菜产业", "红色文化", "关心下一代", "老年大学",
             "慈善义工", "应急救援", "家庭教育", "早期教育", "职业教育", "人力资源服务", "农机", "电子商务促进"]
PROVINCE_SHANGHUI = ["浙江", "福建", "温州", "潮汕", "江苏", "湖南", "安徽", "广东", "四川", "河南", "江西", "山东"]


def shetuan_name(dcode):
    def f():
        r = rng.random()
        if r < 0.12:
            return "示例市" + rng.choice(PROVINCE_SHANGHUI) + "商会"
        pre = "示例市" if rng.random() < 0.6 else district_name[dcode]
        return pre + rng.choice(ST_FIELDS) + wpick([("协会", 70), ("商会", 8), ("联合会", 8), ("研究会", 8), ("促进会", 6)])
    return unique_name(f), "公共管理、社会保障和社会组织"


def jijinhui_name(dcode):
    def f():
        return "示例市" + zihao(unique=False) + rng.choice(["教育", "慈善", "助学", "公益", "文化", "乡村振兴", "助老", "环保",
                                                          "青少年发展", "医疗救助"]) + "基金会"
    return unique_name(f), "公共管理、社会保障和社会组织"


MINFEI = [("卫生和社会工作", ["养老服务中心", "社会工作服务中心", "康复中心", "心理咨询服务中心", "医院", "护理院", "颐养院"]),
          ("文化体育和娱乐业", ["体育俱乐部", "艺术馆", "博物馆", "文化发展中心"]),
          ("科学研究和技术服务业", ["研究院", "科技服务中心"]),
          ("居民服务修理和其他服务业", ["社区服务中心", "家庭服务中心", "公益服务中心"])]


def minfei_name(dcode):
    row = rng.choice(MINFEI)

    def f():
        pre = "示例市" if rng.random() < 0.4 else district_name[dcode]
        return pre + zihao(unique=False) + rng.choice(row[1])
    return unique_name(f), row[0]


def school_name(dcode):
    def f():
        pre = "示例市" if rng.random() < 0.3 else district_name[dcode]
        return pre + zihao(unique=False) + rng.choice(["培训学校", "外国语学校", "幼儿园", "职业培训学校", "艺术学校",
                                                        "实验学校", "双语幼儿园", "技工学校", "中学", "小学"])
    return unique_name(f), "教育"


def law_name(dcode):
    def f():
        z = rng.choice("正公明诚信德衡法理义天泰汇弘众君和方至合大东北南西") + rng.choice("衡正信诚义平达仁鼎同元和恒远邦言理")
        if z[0] == z[1]:
            z = z[0] + "和"
        pre = "示例市" if rng.random() < 0.7 else district_name[dcode]
        return pre + z + "律师事务所"
    return unique_name(f), "法律服务"


def acct_name(dcode):
    def f():
        pre = "示例市" if rng.random() < 0.6 else district_name[dcode]
        return pre + zihao(unique=False) + wpick([("会计师事务所", 50), ("会计师事务所有限公司", 30),
                                                  ("会计师事务所（普通合伙）", 20)])
    return unique_name(f), "会计审计服务"


def tax_name(dcode):
    def f():
        pre = "示例市" if rng.random() < 0.6 else district_name[dcode]
        return pre + zihao(unique=False) + wpick([("税务师事务所有限公司", 70), ("税务师事务所", 30)])
    return unique_name(f), "税务服务"


# ---------------------------------------------------------------------------------------------------------
# Platforms (invented brands)
# ---------------------------------------------------------------------------------------------------------
# (brand, sector, district or None for city-level, cover mode)
PLATFORM_DEFS = [
    ("迅达快递", "快递", "990102", "industry"), ("迅达快递", "快递", "990104", "industry"),
    ("迅达快递", "快递", "990106", "none"), ("云驰快递", "快递", None, "industry"),
    ("速邦快递", "快递", "990103", "industry"), ("速邦快递", "快递", "990105", "none"),
    ("鸿翼速运", "快递", None, "industry"), ("星驿快递", "快递", "990121", "industry"),
    ("饱饱外卖", "外卖", None, "industry"), ("饱饱外卖", "外卖", "990104", "industry"),
    ("食刻达外卖", "外卖", None, "none"), ("邻味外卖", "外卖", "990102", "industry"),
    ("香速送外卖", "外卖", "990105", "industry"), ("小满外卖", "外卖", "990121", "none"),
    ("畅行网约车", "网约车", None, "industry"), ("顺途出行", "网约车", None, "functional"),
    ("安程约车", "网约车", None, "industry"), ("易达专车", "网约车", "990102", "functional"),
    ("惠行出行", "网约车", "990106", "industry"), ("途安网约车", "网约车", "990121", "none"),
    ("运通达货运", "货车", None, "industry"), ("满程货运", "货车", "990104", "industry"),
    ("速配货运", "货车", "990105", "none"), ("鑫途物流平台", "货车", None, "industry"),
    ("通衢货运", "货车", "990121", "none"),
    ("星火直播基地", "网络主播", "990106", "industry"), ("青禾传媒", "网络主播", None, "functional2"),
    ("播乐文化", "网络主播", "990102", "industry"), ("小鹿直播", "网络主播", "990103", "none"),
    ("光影MCN", "网络主播", None, "none"),
]
platforms = []
for brand, sector, dcode, mode in PLATFORM_DEFS:
    if dcode:
        pname = "%s（%s片区）" % (brand, district_short[dcode]) if dcode != "990121" else "%s（临川县）" % brand
    else:
        pname = "%s（示例市）" % brand
    platforms.append({"name": pname, "brand": brand, "sector": sector, "district": dcode, "mode": mode,
                      "region_code": dcode or CITY[0], "org": None, "units": []})
for i, p in enumerate(platforms, 1):
    p["id"] = i


# ---------------------------------------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------------------------------------
units = []


def new_unit(kind, category, name, industry, place, staff, sector=None, platform=None):
    dcode = district_of[place]
    u = {"name": name, "kind": kind, "category": category, "industry": industry, "region_code": place,
         "district": dcode, "address": address(place), "staff": staff, "full": 0, "prob": 0,
         "legal_rep": False, "acfic": False, "sector": sector, "platform": platform,
         "org": None, "org_since": None, "instructor": None, "instructor_since": None,
         "reason": None, "planned": None, "registered": None, "status": "运营", "deregistered": None,
         "credit_code": credit_code(category, dcode)}
    units.append(u)
    if platform is not None:
        platform["units"].append(u)
    return u


def staff_ent():
    return max(10, min(2000, int(rng.lognormvariate(3.4, 0.95))))


for _ in range(1150):
    dc = pick_district()
    place = pick_place(dc)
    name, ind = ent_name(dc)
    new_unit("非公企业", "私营企业", name, ind, place, staff_ent())
for _ in range(70):
    dc = rng.choices(DCODES, weights=[3, 1, 3, 1, 4, 1])[0]
    place = pick_place(dc)
    name, ind = foreign_name(dc)
    new_unit("非公企业", "外商投资企业", name, ind, place, max(10, min(2000, int(rng.lognormvariate(4.3, 0.9)))))
for _ in range(620):
    dc = pick_district()
    place = pick_place(dc)
    name, ind = xgz_name(dc)
    new_unit("小个专", "个体工商户", name, ind, place, wpick([(1, 14), (2, 22), (3, 18), (4, 13), (5, 10), (6, 7),
                                                             (7, 5), (8, 4), (9, 2), (10, 2), (12, 2), (15, 1)]))
for _ in range(30):
    dc = pick_district()
    place = pick_place(dc)
    name, ind = market_name(dc, place)
    new_unit("小个专", "专业市场", name, ind, place, rng.randint(5, 15))

# sector units: (sector, 私营 count, 个体 count)
SECTOR_COUNTS = [("快递", 25, 25), ("外卖", 20, 20), ("网约车", 20, 10), ("货车", 8, 7), ("网络主播", 8, 7)]
SECTOR_INDUSTRY = {"快递": "交通运输仓储和邮政业", "外卖": "交通运输仓储和邮政业", "网约车": "交通运输仓储和邮政业",
                   "货车": "交通运输仓储和邮政业", "网络主播": "文化体育和娱乐业"}
_ride_branch_done = False


def sector_unit_name(sector, brand, dc, private):
    """Returns (name, place); retries pick another street of the district."""
    global _ride_branch_done
    if sector == "网约车" and private and brand == "畅行网约车" and not _ride_branch_done:
        _ride_branch_done = True
        _names_used.add("畅行网约车示例市分公司")
        return "畅行网约车示例市分公司", pick_place(dc)
    holder = {}

    def f():
        place = pick_place(dc)
        holder["place"] = place
        ds, ss = district_short[dc], street_short(place)
        if sector == "快递":
            return brand + (ds + ss + "营业部" if private else ss + rng.choice(["加盟服务点", "代收点", "揽投点"]))
        if sector == "外卖":
            return brand + (ds + ss + "配送站" if private else ss + "配送点")
        if sector == "网约车":
            if private:
                return brand + ds + rng.choice(["运营服务中心", "司机服务站", "分公司", "运力服务部"]) + (
                    "" if rng.random() < 0.5 else "（%s）" % ss)
            return brand + ss + rng.choice(["加盟车队", "司机之家"])
        if sector == "货车":
            if private:
                return brand + ds + ss + rng.choice(["配货站", "物流园站点", "运力服务中心"])
            return district_name[dc] + rng.choice(SURNAMES[:50]) + "记货运部"
        if private:
            return district_name[dc] + zihao(unique=False) + "文化传媒有限公司"
        return district_name[dc] + zihao(unique=False) + "直播工作室"
    name = unique_name(f)
    return name, holder["place"]


for sector, n_priv, n_ind in SECTOR_COUNTS:
    sec_platforms = [p for p in platforms if p["sector"] == sector]
    for k in range(n_priv + n_ind):
        private = k < n_priv
        p = sec_platforms[k % len(sec_platforms)] if k < len(sec_platforms) * 2 else rng.choice(sec_platforms)
        dc = p["district"] or pick_district()
        name, place = sector_unit_name(sector, p["brand"], dc, private)
        staff = rng.randint(10, 80) if private else rng.randint(1, 15)
        if private:
            new_unit("非公企业", "私营企业", name, SECTOR_INDUSTRY[sector], place, staff, sector, p)
        else:
            new_unit("小个专", "个体工商户", name, SECTOR_INDUSTRY[sector], place, staff, sector, p)

SOCIAL_PLAN = [("社会团体", 150, shetuan_name, (3, 30)), ("基金会", 25, jijinhui_name, (3, 20)),
               ("民办非企业单位", 110, minfei_name, (5, 120)), ("民办学校", 65, school_name, (20, 300)),
               ("律师事务所", 55, law_name, (5, 80)), ("会计师事务所", 35, acct_name, (5, 60)),
               ("税务师事务所", 25, tax_name, (3, 30))]
for cat, n, fn, (lo, hi) in SOCIAL_PLAN:
    for _ in range(n):
        dc = pick_district()
        place = pick_place(dc)
        name, ind = fn(dc)
        staff = lo + int((hi - lo) * rng.random() ** 2.2)
        new_unit("社会组织", cat, name, ind, place, staff)

# big companies (for 党委 / 党总支): make sure a handful of enterprises are large
big = sorted([u for u in units if u["category"] == "私营企业" and not u["sector"]], key=lambda u: -u["staff"])
for i, u in enumerate(big[:14]):
    u["staff"] = max(u["staff"], [1980, 1650, 1420, 1200, 980, 860, 760, 700, 640, 600, 560, 520, 500, 480][i])

# registration, deregistration
YEAR_WEIGHTS = [(y, 1 + (y - 1995) ** 1.3) for y in range(1995, 2026)]


def reg_date(u):
    lo_year = 2014 if u["sector"] else (1992 if u["kind"] == "社会组织" else 1995)
    ys = [(y, w) for y, w in YEAR_WEIGHTS if y >= lo_year]
    y = wpick(ys)
    return rdate(dt.date(y, 1, 1), dt.date(y, 12, 31))


n_units = len(units)
order = list(range(n_units))
rng.shuffle(order)
new2026 = set(order[:iround(n_units * 0.05)])
for i, u in enumerate(units):
    if i in new2026:
        u["registered"] = rdate(Y2026, TODAY - days(3))
    else:
        u["registered"] = reg_date(u)
# deregistered: ~3%; 1/3 of them during 2026
cands = [u for i, u in enumerate(units) if i not in new2026 and u["registered"] < D("2024-06-01")]
dereg = rng.sample(cands, iround(n_units * 0.03))
for k, u in enumerate(dereg):
    u["status"] = "注销"
    if k % 3 == 0:
        u["deregistered"] = rdate(Y2026, TODAY - days(2))
    else:
        u["deregistered"] = rdate(max(u["registered"] + days(400), D("2019-01-01")), END2025)

# acfic members among non-sector 非公企业 (~35%; larger firms more likely)
for u in units:
    if u["kind"] == "非公企业" and not u["sector"]:
        p = 0.25 + min(0.45, u["staff"] / 800)
        u["acfic"] = rng.random() < p

# ---------------------------------------------------------------------------------------------------------
# Coverage: exact counts per stratum so the rates land on the seed figures
# ---------------------------------------------------------------------------------------------------------
TARGET = {"非公企业": 0.8491, "工商联": 0.8083, "小个专": 0.2907, "社会组织": 0.9453, "民办学校": 0.9846,
          "中介组织": 0.9277, "快递外卖网约车": 0.1414, "货车主播": 0.20}
S3 = ("快递", "外卖", "网约车")
INTERMEDIARY = ("律师事务所", "会计师事务所", "税务师事务所")
op = [u for u in units if u["status"] == "运营"]


def cov_weight(u):
    w = u["staff"] ** 0.45
    if u["registered"] >= Y2026:
        w *= 0.12
    if u["platform"] is not None and u["platform"]["mode"] != "industry":
        return 0
    return w


covered = []
fg = [u for u in op if u["kind"] == "非公企业"]
xg = [u for u in op if u["kind"] == "小个专"]
so = [u for u in op if u["kind"] == "社会组织"]
s3 = [u for u in op if u["sector"] in S3]
so_sec = [u for u in op if u["sector"] and u["sector"] not in S3]
c_s3 = wsample(s3, iround(TARGET["快递外卖网约车"] * len(s3)), cov_weight)
c_sosec = wsample(so_sec, iround(TARGET["货车主播"] * len(so_sec)), cov_weight)
sec_cov = c_s3 + c_sosec
fg_A = [u for u in fg if not u["sector"] and u["acfic"]]
fg_B = [u for u in fg if not u["sector"] and not u["acfic"]]
c_A = wsample(fg_A, iround(TARGET["工商联"] * len(fg_A)), cov_weight)
k_fg = iround(TARGET["非公企业"] * len(fg))
c_B = wsample(fg_B, k_fg - len(c_A) - sum(1 for u in sec_cov if u["kind"] == "非公企业"), cov_weight)
xg_rest = [u for u in xg if not u["sector"]]
k_xg = iround(TARGET["小个专"] * len(xg))
c_X = wsample(xg_rest, k_xg - sum(1 for u in sec_cov if u["kind"] == "小个专"), cov_weight)
sch = [u for u in so if u["category"] == "民办学校"]
agc = [u for u in so if u["category"] in INTERMEDIARY]
oth = [u for u in so if u["category"] not in INTERMEDIARY and u["category"] != "民办学校"]
c_sch = wsample(sch, iround(TARGET["民办学校"] * len(sch)), cov_weight)
c_agc = wsample(agc, iround(TARGET["中介组织"] * len(agc)), cov_weight)
c_oth = wsample(oth, iround(TARGET["社会组织"] * len(so)) - len(c_sch) - len(c_agc), cov_weight)
for grp in (sec_cov, c_A, c_B, c_X, c_sch, c_agc, c_oth):
    for u in grp:
        u["cov"] = True
for u in units:
    u.setdefault("cov", False)

# formation among covered
for u in sec_cov:
    u["form"] = "industry" if rng.random() < 0.8 else "joint"
fg_cov = c_A + c_B
fg_cov_all = fg_cov + [u for u in sec_cov if u["kind"] == "非公企业"]
n_own = iround(0.55 * len(fg_cov_all))
n_ind = iround(0.10 * len(fg_cov_all)) - sum(1 for u in sec_cov if u["kind"] == "非公企业" and u["form"] == "industry")
own = wsample(fg_cov, n_own, lambda u: u["staff"] ** 1.1 * (3 if u["category"] == "外商投资企业" else 1))
own_ids = set(id(u) for u in own)
rest = [u for u in fg_cov if id(u) not in own_ids]
ind = wsample(rest, n_ind, lambda u: 3 if u["industry"] in ("住宿和餐饮业", "建筑业", "房地产业", "交通运输仓储和邮政业",
                                                              "批发和零售业") else 1)
ind_ids = set(id(u) for u in ind)
for u in fg_cov:
    u["form"] = "own" if id(u) in own_ids else ("industry" if id(u) in ind_ids else "joint")
for u in c_X:
    if u["category"] == "专业市场":
        u["form"] = "own" if rng.random() < 0.75 else "joint"
    elif u["staff"] >= 6 and rng.random() < 0.04:
        u["form"] = "own"
    else:
        u["form"] = "joint" if rng.random() < 0.6 else "industry"
for u in c_sch:
    u["form"] = wpick([("own", 80), ("joint", 12), ("industry", 8)])
for u in c_agc:
    if u["category"] == "律师事务所":
        u["form"] = wpick([("own", 40), ("joint", 15), ("industry", 45)]) if u["staff"] >= 8 else wpick(
            [("joint", 30), ("industry", 70)])
    else:
        u["form"] = wpick([("own", 35), ("joint", 30), ("industry", 35)]) if u["staff"] >= 8 else wpick(
            [("joint", 50), ("industry", 50)])
for u in c_oth:
    u["form"] = wpick([("own", 50), ("joint", 35), ("industry", 15)]) if u["staff"] >= 6 else wpick(
        [("joint", 70), ("industry", 30)])

# "late" units: covered before 2026 as units, but their coverage dates from 2026 (own branch founded in 2026, or
# joined a branch in 2026) -- about 2% of each stratum, so every group's rate was lower last year
for grp in (c_A, c_B, c_X, c_sch, c_agc, c_oth, sec_cov):
    old_units = [u for u in grp if u["registered"] < Y2026]
    m = iround(0.006 * len(grp))
    for u in rng.sample(old_units, m):
        u["late"] = True

# ---------------------------------------------------------------------------------------------------------
# Party organizations
# ---------------------------------------------------------------------------------------------------------
orgs = []


def new_org(name, org_type, formation, region_code, parent=None, founded=None):
    o = {"name": name, "org_type": org_type, "formation": formation, "parent": parent, "region_code": region_code,
         "full": 0, "prob": 0, "status": "正常", "star": 0, "founded": founded, "units": [], "kind": None}
    orgs.append(o)
    return o


COMMITTEES = {}
for key, name in [("快递", "示例市快递物流行业党委"), ("互联网", "示例市互联网行业党委"), ("律师", "示例市律师行业党委"),
                  ("财会", "示例市注册会计师行业党委"), ("非公", "示例市非公有制经济组织党委"),
                  ("社会", "示例市社会组织党委"), ("个私", "示例市个体劳动者私营企业协会党委"),
                  ("教育", "示例市民办教育行业党委")]:
    o = new_org(name, "党委", "行业统建", CITY[0], founded=rdate("2009-03-01", "2019-12-31"))
    o["committee"] = True
    COMMITTEES[key] = o


def members_small(weights=((0, 40), (1, 35), (2, 25))):
    return wpick(list(weights))


def probation(full):
    if full >= 3:
        return int(full * rng.uniform(0.03, 0.12) + rng.random())
    return 1 if rng.random() < 0.04 else 0


# --- 应建未建 designations (members ≥3 without own organization) ----------------------------------------
uncov_op = [u for u in op if not u["cov"]]
joint_cov = [u for u in op if u["cov"] and u["form"] == "joint"]
ind_cov = [u for u in op if u["cov"] and u["form"] == "industry"]
should_joint = rng.sample([u for u in joint_cov if u["staff"] >= 8], 10)
should_ind = rng.sample([u for u in ind_cov if u["staff"] >= 8 and not u["sector"]], 3)
# planted oddities among the uncovered
plain_uncov = [u for u in uncov_op if u["kind"] != "社会组织" and u["registered"] < Y2026 and not u["sector"]]
rng.shuffle(plain_uncov)
revoked_own_unit = next(u for u in plain_uncov if u["kind"] == "非公企业" and u["staff"] >= 20)
taken = {id(revoked_own_unit)}
# two units (same district) still pointing at a revoked joint branch
rj_d = revoked_own_unit["district"]
revoked_joint_units = [u for u in plain_uncov if id(u) not in taken and u["district"] != rj_d][:1]
revoked_joint_units += [u for u in plain_uncov if id(u) not in taken and u["district"] == revoked_joint_units[0][
    "district"] and u is not revoked_joint_units[0]][:1]
taken |= set(id(u) for u in revoked_joint_units)
# two 兼合式 branches in two streets, three units each
jh_groups = []
by_street = {}
for u in plain_uncov:
    if id(u) not in taken:
        by_street.setdefault(street_of(u["region_code"]), []).append(u)
for sc in sorted(by_street, key=lambda s: (-len(by_street[s]), s))[:2]:
    grp = by_street[sc][:3]
    jh_groups.append((sc, grp))
    taken |= set(id(u) for u in grp)
should_uncov = rng.sample([u for u in uncov_op if id(u) not in taken and u["staff"] >= 5], 12)
should_set = set(id(u) for u in should_joint + should_ind + should_uncov)

# --- members for every unit ---------------------------------------------------------------------------------
own_units = [u for u in op if u["cov"] and u["form"] == "own"]
own_fg = sorted([u for u in own_units if u["kind"] == "非公企业"], key=lambda u: -u["staff"])
weiyuan = own_fg[:3]                           # 党委 (>100 members)
zongzhi = own_fg[3:11]                         # 党总支 (51-100)
own_soc = sorted([u for u in own_units if u["category"] in ("民办学校", "民办非企业单位")], key=lambda u: -u["staff"])
zongzhi += own_soc[:2]
big_ids = set(id(u) for u in weiyuan + zongzhi)
over50 = rng.sample([u for u in own_fg[11:60]], 5)        # 党支部 deliberately over 50 members
over50_ids = set(id(u) for u in over50)

for u in units:
    if u["status"] == "运营" and u["cov"] and u["form"] == "own":
        if id(u) in big_ids:
            u["full"] = rng.randint(105, 180) if u in weiyuan else rng.randint(55, 98)
            u["staff"] = max(u["staff"], u["full"] * rng.randint(4, 9))
        elif id(u) in over50_ids:
            u["full"] = rng.randint(51, 62)
            u["staff"] = max(u["staff"], u["full"] * rng.randint(3, 6))
        else:
            cap = rng.randint(12, 46) if rng.random() < 0.25 else rng.randint(5, 18)
            u["full"] = max(3, min(cap, iround(u["staff"] * rng.uniform(0.04, 0.22))))
            if u["kind"] != "非公企业":
                u["staff"] = max(u["staff"], u["full"] + rng.randint(0, 6))
    elif id(u) in should_set:
        u["full"] = rng.randint(3, 6)
    elif u["status"] == "运营" and u["cov"]:
        u["full"] = members_small(((0, 30), (1, 40), (2, 30)))
    else:
        u["full"] = members_small(((0, 56), (1, 28), (2, 16)))
    u["staff"] = max(u["staff"], u["full"])
revoked_own_unit["full"] = 3
jh_groups[0][1][0]["full"] = 3

# --- own organizations -------------------------------------------------------------------------------------
def org_type_for(full):
    if full > 100:
        return "党委"
    if full > 50:
        return "党总支"
    return "党支部"


def founded_for_unit(u):
    if u["registered"] >= Y2026 or u.get("late"):
        return rdate(max(Y2026, u["registered"] + days(20)), TODAY - days(5))
    delay = rng.randint(30, 720)
    if u["registered"] + days(delay) > END2025:
        return rdate(u["registered"] + days(10), END2025)
    return rdate(max(u["registered"] + days(delay), D("2004-07-01")), END2025)


for u in own_units:
    t = "党支部" if id(u) in over50_ids else org_type_for(u["full"])
    nm = u["name"] + {"党委": "党委", "党总支": "党总支", "党支部": "党支部"}[t]
    parent = None
    if rng.random() < 0.3:
        parent = COMMITTEES["非公"] if u["kind"] == "非公企业" else (
            COMMITTEES["教育"] if u["category"] == "民办学校" else
            COMMITTEES["律师"] if u["category"] == "律师事务所" else
            COMMITTEES["财会"] if u["category"] in ("会计师事务所", "税务师事务所") else
            COMMITTEES["个私"] if u["kind"] == "小个专" else COMMITTEES["社会"])
    o = new_org(nm, t, "单独组建", u["region_code"], parent, founded_for_unit(u))
    o["units"].append(u)
    o["full"] = u["full"]
    u["org"] = o
    u["org_since"] = o["founded"]
    if t == "党委":
        # branches under the enterprise committee (no unit points at them)
        k = -(-u["full"] // 40) + rng.randint(0, 1)
        left = u["full"]
        for j in range(1, k + 1):
            part = left if j == k else min(left - 3 * (k - j), max(3, iround(left / (k - j + 1) * rng.uniform(0.8, 1.15))))
            left -= part
            c = new_org("%s第%s党支部" % (u["name"], cn(j)), "党支部", "单独组建", u["region_code"], o,
                        rdate(o["founded"], min(TODAY - days(10), o["founded"] + days(900))))
            c["full"] = part
            c["child_of_unit"] = True

# --- joint branches: per (kind, district), consecutive by street, sizes 2-5 (a few 6-9 planted) ------------
PLANT_BIG = {("非公企业", "990102"): 7, ("非公企业", "990104"): 6, ("非公企业", "990105"): 9,
             ("小个专", "990103"): 6, ("社会组织", "990102"): 8}
KIND_LABEL = {"非公企业": "非公企业", "小个专": "个体工商户", "社会组织": "社会组织"}
joint_orgs = []
for kind in ("非公企业", "小个专", "社会组织"):
    for dc in DCODES:
        lst = sorted([u for u in joint_cov if u["kind"] == kind and u["district"] == dc],
                     key=lambda u: (street_of(u["region_code"]), u["region_code"], u["registered"]))
        n = len(lst)
        if n == 1:
            lst[0]["form"] = "industry"
            ind_cov.append(lst[0])
            continue
        sizes = []
        big_n = PLANT_BIG.get((kind, dc))
        left = n
        plant_at = None
        if big_n and n >= big_n + 2:
            plant_at = rng.randint(0, 3)
        while left > 0:
            if plant_at is not None and len(sizes) >= plant_at and left - big_n != 1 and left >= big_n:
                sizes.append(big_n)
                left -= big_n
                plant_at = None
                continue
            if 2 <= left <= 5:
                s = left
            else:
                choices = [s for s in (2, 3, 4, 5) if left - s != 1 and left - s >= 0]
                s = rng.choices(choices, weights=[3, 4, 3, 2][:len(choices)])[0]
            sizes.append(s)
            left -= s
        pos = 0
        for s in sizes:
            chunk = lst[pos:pos + s]
            pos += s
            sc = street_of(chunk[0]["region_code"])
            o = new_org(None, "联合党支部", "联合组建", sc, None, None)
            o["kind"] = kind
            o["street"] = sc
            earliest = min(u["registered"] for u in chunk)
            if rng.random() < 0.01 or earliest > D("2025-10-01"):
                o["founded"] = rdate(max(Y2026, earliest + days(10)), TODAY - days(10))
            else:
                o["founded"] = rdate(max(earliest + days(60), D("2008-01-01")), END2025)
            for u in chunk:
                # bring members up so the branch has at least 3 (no unit passes 2 unless designated)
                u["org"] = o
                o["units"].append(u)
            tot = sum(u["full"] for u in chunk)
            while tot < 3:
                cand = [u for u in chunk if u["full"] < 2]
                rng.choice(cand)["full"] += 1
                tot += 1
            o["full"] = tot
            joint_orgs.append(o)

# name joint branches: street + kind (+ ordinal when a street has several)
cnt = {}
for o in joint_orgs:
    cnt[(o["street"], o["kind"])] = cnt.get((o["street"], o["kind"]), 0) + 1
seq = {}
for o in joint_orgs:
    key = (o["street"], o["kind"])
    seq[key] = seq.get(key, 0) + 1
    ordinal = "第%s" % cn(seq[key]) if cnt[key] > 1 else ""
    o["name"] = "%s%s%s联合党支部" % (region_name[o["street"]], KIND_LABEL[o["kind"]], ordinal)

# --- industry-built branches --------------------------------------------------------------------------------
ind_orgs = []


def industry_branch(name, org_type, parent, region, chunk, founded=None):
    earliest = min((u["registered"] for u in chunk), default=D("2015-01-01"))
    if founded is None:
        if earliest > D("2025-10-01"):
            founded = rdate(max(Y2026, earliest + days(10)), TODAY - days(10))
        else:
            founded = rdate(max(earliest + days(30), parent["founded"] + days(30), D("2012-01-01")), END2025)
    o = new_org(name, org_type, "行业统建", region, parent, founded)
    for u in chunk:
        u["org"] = o
        o["units"].append(u)
    tot = sum(u["full"] for u in chunk)
    o["full"] = max(3, tot + rng.randint(0, 6))
    ind_orgs.append(o)
    return o


# platform branches (cover the platform's covered stations/outlets)
for p in platforms:
    if p["mode"] == "industry":
        parent = COMMITTEES["快递"] if p["sector"] in ("快递", "货车") else COMMITTEES["互联网"]
        chunk = [u for u in p["units"] if u["status"] == "运营" and u["cov"] and u["form"] == "industry"]
        nm = p["brand"] + (("%s片区" % district_short[p["district"]]) if p["district"] and p["district"] != "990121"
                           else ("临川县" if p["district"] else "示例市")) + "党支部"
        o = industry_branch(nm, "党支部", parent, p["region_code"], chunk)
        o["full"] = max(o["full"], rng.randint(4, 14))
        p["org"] = o
func_ride = new_org("示例市网约车司机流动党员功能型党支部", "功能型党组织", "行业统建", CITY[0], COMMITTEES["互联网"],
                    rdate("2022-03-01", "2024-12-31"))
func_ride["full"] = rng.randint(9, 16)
func_stream = new_org("高新区直播电商功能型党组织", "功能型党组织", "兼合式", "990106", None, rdate("2023-05-01", "2025-06-30"))
func_stream["full"] = rng.randint(4, 8)
for p in platforms:
    if p["mode"] == "functional":
        p["org"] = func_ride
    elif p["mode"] == "functional2":
        p["org"] = func_stream

# 非公 / 小个专 / social industry-built branches
groups = {}
for u in ind_cov:
    if u["org"] is not None or u["status"] != "运营":
        continue
    if u["kind"] in ("非公企业", "小个专") and not u["sector"]:
        groups.setdefault((u["kind"], u["district"], INDUSTRY_LABEL.get(u["industry"], "综合")), []).append(u)
    elif u["sector"]:
        # industry-covered sector unit whose platform has no own branch: goes to the city sector committee branch
        groups.setdefault(("sector", u["sector"]), []).append(u)
    elif u["category"] == "律师事务所":
        groups.setdefault(("律师",), []).append(u)
    elif u["category"] in ("会计师事务所", "税务师事务所"):
        groups.setdefault(("财会",), []).append(u)
    elif u["category"] == "民办学校":
        groups.setdefault(("教育",), []).append(u)
    else:
        groups.setdefault(("社会", u["district"]), []).append(u)
def split_chunks(lst, max_units=12):
    n = max(1, -(-len(lst) // max_units))
    return [lst[j * len(lst) // n:(j + 1) * len(lst) // n] for j in range(n)]


for key in groups:
    lst = groups[key]
    if key[0] in ("非公企业", "小个专", "社会"):
        lst.sort(key=lambda u: (u["region_code"], u["registered"]))
        chunks = split_chunks(lst)
        for j, chunk in enumerate(chunks):
            ordinal = "第%s" % cn(j + 1) if len(chunks) > 1 else ""
            if key[0] == "非公企业":
                industry_branch("%s%s行业%s党支部" % (district_name[key[1]], key[2], ordinal), "党支部", COMMITTEES["非公"],
                                key[1], chunk)
            elif key[0] == "小个专":
                industry_branch("%s%s个体工商户%s党支部" % (district_name[key[1]], key[2], ordinal), "党支部",
                                COMMITTEES["个私"], key[1], chunk)
            else:
                industry_branch("%s社会组织行业%s党支部" % (district_name[key[1]], ordinal), "党支部", COMMITTEES["社会"],
                                key[1], chunk)
    elif key[0] == "sector":
        industry_branch("示例市%s行业流动党员党支部" % key[1], "党支部",
                        COMMITTEES["快递"] if key[1] in ("快递", "货车") else COMMITTEES["互联网"], CITY[0], lst)
    else:
        lst.sort(key=lambda u: (u["district"], u["region_code"]))
        label = {"律师": "律师行业", "财会": "财税中介行业", "教育": "民办教育行业"}[key[0]]
        nchunks = max(1, iround(len(lst) / 6))
        for j in range(nchunks):
            chunk = lst[j * len(lst) // nchunks:(j + 1) * len(lst) // nchunks]
            industry_branch("示例市%s第%s联合党支部" % (label, cn(j + 1)), "联合党支部", COMMITTEES[key[0]], CITY[0], chunk)

# every covered operating unit has its org now
for u in op:
    if u["cov"]:
        assert u["org"] is not None, u["name"]

# org_since for joint / industry covered units
for o in joint_orgs + ind_orgs:
    for u in o["units"]:
        if u["registered"] <= END2025:
            delay = rng.randint(15, 400)
            if u["registered"] + days(delay) > END2025:
                delay = rng.randint(0, (END2025 - u["registered"]).days)
        else:
            delay = min(rng.randint(15, 200), (TODAY - u["registered"]).days)
        lo = max(o["founded"], u["registered"] + days(delay))
        if lo <= END2025 and u.get("late"):
            u["org_since"] = rdate(Y2026, TODAY - days(3))      # joined an older branch this year
        elif lo > END2025:
            u["org_since"] = rdate(lo, TODAY)
        else:
            u["org_since"] = rdate(lo, min(END2025, lo + days(rng.randint(0, 1500))))

# --- planted oddities -----------------------------------------------------------------------------------------
# (a) an operating unit still pointing at its own branch, revoked in 2026 (unit joined it in 2026)
u = revoked_own_unit
o = new_org(u["name"] + "党支部", "党支部", "单独组建", u["region_code"], None, rdate("2026-01-10", "2026-03-31"))
o["status"] = "撤销"
o["full"] = 3
o["units"].append(u)
u["org"], u["org_since"] = o, o["founded"]
# (b) two operating units still pointing at a joint branch revoked in 2026
a, b = revoked_joint_units
sc = street_of(a["region_code"])
o = new_org(region_name[sc] + "商户联合党支部", "联合党支部", "联合组建", sc, None, rdate("2019-04-01", "2022-12-31"))
o["status"] = "撤销"
o["full"] = max(3, a["full"] + b["full"])
for u in (a, b):
    o["units"].append(u)
    u["org"], u["org_since"] = o, rdate("2026-01-05", "2026-04-30")
# (c) 兼合式 branches in two commercial streets (give work coverage, not organizational coverage)
jh_orgs = []
for sc, grp in jh_groups:
    o = new_org(region_name[sc] + "商圈兼合式党支部", "党支部", "兼合式", sc, None, rdate("2021-01-01", "2024-12-31"))
    o["full"] = sum(u["full"] for u in grp) + rng.randint(3, 8)
    for u in grp:
        o["units"].append(u)
        u["org"], u["org_since"] = o, rdate(max(o["founded"], u["registered"]), END2025)
    jh_orgs.append(o)
# (d) temporary / other orgs without units
tmp1 = new_org("南港区临港大道重点项目临时党支部", "临时党支部", "兼合式", "990104", None, D("2026-03-16"))
tmp1["full"] = 7
tmp2 = new_org("示例市两新组织党组织书记示范培训班临时党支部", "临时党支部", "兼合式", CITY[0], None, D("2026-09-07"))
tmp2["full"] = 42
old_joint = new_org("西岭区白沙街道商贸联合党支部", "联合党支部", "联合组建", "990103004", None, D("2012-05-18"))
old_joint["status"] = "撤销"
old_joint["full"] = 3

# (e) deregistered units: 8 before 2026 with their own branch revoked, 4 still listed in active joint branches
dereg_old = [u for u in units if u["status"] == "注销" and u["deregistered"] <= END2025]
dereg_new = [u for u in units if u["status"] == "注销" and u["deregistered"] > END2025]
for u in rng.sample([x for x in dereg_old if x["staff"] >= 12], 8):
    u["full"] = rng.randint(3, 9)
    f = rdate(max(u["registered"] + days(60), D("2008-01-01")), u["deregistered"] - days(30))
    o = new_org(u["name"] + "党支部", "党支部", "单独组建", u["region_code"], None, f)
    o["status"] = "撤销"
    o["full"] = u["full"]
    o["units"].append(u)
    u["org"], u["org_since"] = o, f
def joint_targets(u, size=None):
    return [o for o in joint_orgs if o["street"][:6] == u["district"] and o["founded"] < u["deregistered"] - days(60)
            and o["founded"] <= END2025 and (len(o["units"]) == size if size else len(o["units"]) <= 4)]


dereg_free = [u for u in dereg_new + dereg_old if u["org"] is None]
first = next(u for u in dereg_free if joint_targets(u, 5))
for k, u in enumerate([first] + rng.sample([x for x in dereg_free if x is not first and joint_targets(x)], 3)):
    target = rng.choice(joint_targets(u, 5) if k == 0 else joint_targets(u))
    u["full"] = rng.randint(0, 2)
    target["units"].append(u)
    u["org"] = target
    u["org_since"] = rdate(max(target["founded"], u["registered"]), min(END2025, u["deregistered"] - days(10)))

# make sure every reporting group's rate was lower at the end of last year: where it is not, move one more
# covered unit's coverage date into 2026 (a branch founded this year, or a unit that joined this year)
GROUP_PRED = [lambda u: u["kind"] == "非公企业", lambda u: u["kind"] == "小个专", lambda u: u["kind"] == "社会组织",
              lambda u: u["acfic"], lambda u: u["category"] == "民办学校", lambda u: u["category"] in INTERMEDIARY,
              lambda u: u["sector"] in S3]


def org_rate(pred, asof=None):
    scope = [u for u in units if pred(u) and (u["status"] == "运营" if asof is None else (
        u["registered"] <= asof and (u["status"] == "运营" or u["deregistered"] > asof)))]
    cov_ = [u for u in scope if u["org"] is not None and u["org"]["status"] != "撤销"
            and u["org"]["formation"] in ("单独组建", "联合组建", "行业统建")
            and (asof is None or (u["org_since"] <= asof and u["org"]["founded"] <= asof))]
    return len(cov_) / len(scope)


for pred in GROUP_PRED:
    while org_rate(pred, END2025) > org_rate(pred) - 0.005:
        cands = [u for u in op if pred(u) and u["cov"] and u["org_since"] <= END2025]
        u = rng.choice(cands)
        if u["form"] == "own":
            o = u["org"]
            o["founded"] = rdate(max(Y2026, u["registered"] + days(20)), TODAY - days(5))
            u["org_since"] = o["founded"]
            for c in orgs:
                if c["parent"] is o:
                    c["founded"] = rdate(o["founded"], TODAY - days(3))
        else:
            u["org_since"] = rdate(max(Y2026, u["org"]["founded"]), TODAY - days(3))

# members of deregistered units without org
for u in units:
    u["staff"] = max(u["staff"], u["full"])
    u["prob"] = probation(u["full"])
    if u["kind"] == "小个专" and u["full"] + u["prob"] > u["staff"]:
        u["staff"] = u["full"] + u["prob"]
    if u["full"] >= 1:
        u["legal_rep"] = rng.random() < (0.35 if u["kind"] != "小个专" else 0.5)

# sync own-org members with their unit; committees = sum of their branches
for o in orgs:
    if o["formation"] == "单独组建" and o["units"]:
        o["full"] = o["units"][0]["full"]
        o["prob"] = o["units"][0]["prob"]
    elif o["formation"] == "联合组建" and o["units"]:
        o["full"] = max(3, sum(u["full"] for u in o["units"] if u["status"] == "运营"))
        o["prob"] = sum(u["prob"] for u in o["units"] if u["status"] == "运营")
    elif not o.get("committee") and not o.get("child_of_unit"):
        o["prob"] = probation(o["full"])
for o in orgs:                                        # 党委 children: split probationary too
    if o["org_type"] == "党委" and not o.get("committee") and o["units"]:
        kids = [c for c in orgs if c["parent"] is o]
        left = o["prob"]
        for c in kids[:-1]:
            c["prob"] = min(left, int(o["prob"] * c["full"] / max(1, o["full"])))
            left -= c["prob"]
        kids[-1]["prob"] = left
for key in ("快递", "互联网", "律师", "财会", "非公", "社会", "个私", "教育"):
    c = COMMITTEES[key]
    kids = [o for o in orgs if o["parent"] is c and o["status"] != "撤销"]
    c["full"] = sum(o["full"] for o in kids) + rng.randint(3, 7)
    c["prob"] = sum(o["prob"] for o in kids)

# --- status: ~2% 软弱涣散 -----------------------------------------------------------------------------------------
branch_like = [o for o in orgs if o["status"] == "正常" and not o.get("committee") and o["org_type"] != "临时党支部"
               and o["founded"] <= END2025]
for o in rng.sample(branch_like, iround(len(orgs) * 0.02)):
    o["status"] = "软弱涣散"

# --- star levels of active orgs ----------------------------------------------------------------------------------
active = [o for o in orgs if o["status"] != "撤销"]
quota = {5: 0.08, 4: 0.25, 3: 0.35, 2: 0.12, 1: 0.05}
n_act = len(active)
counts = {s: iround(q * n_act) for s, q in quota.items()}
forced_unrated = [o for o in active if o["founded"] > D("2025-10-10") or o.get("committee")
                  or o["org_type"] == "临时党支部"]
weak = [o for o in active if o["status"] == "软弱涣散" and o not in forced_unrated]
pool = [o for o in active if o not in forced_unrated and o not in weak]
# weak orgs: a third unrated, the rest 1-2 stars
for i, o in enumerate(weak):
    if i % 3 == 0:
        o["star"] = 0
    elif i % 3 == 1 and counts[1] > 0:
        o["star"] = 1
        counts[1] -= 1
    else:
        o["star"] = 2
        counts[2] -= 1
for o in pool:
    o["q"] = rng.random() + (0.25 if o["formation"] == "单独组建" else 0) + min(0.3, o["full"] / 150)
pool.sort(key=lambda o: -o["q"])
pos = 0
for s in (5, 4, 3, 2, 1):
    for o in pool[pos:pos + counts[s]]:
        o["star"] = s
    pos += counts[s]
for o in pool[pos:]:
    o["star"] = 0

# --- secretaries ----------------------------------------------------------------------------------------------------
for o in orgs:
    o["secretary"] = person()
    o["phone"] = phone()
    if rng.random() < 0.12 and o["founded"] <= SIX_MONTHS_AGO:
        o["appointed"] = rdate(SIX_MONTHS_AGO + days(1), TODAY - days(1))
    elif o["founded"] > SIX_MONTHS_AGO:
        o["appointed"] = o["founded"]
    else:
        o["appointed"] = rdate(o["founded"], min(SIX_MONTHS_AGO, o["founded"] + days(rng.randint(0, 3000))))
    o["committee_members"] = [person() for _ in range(rng.randint(1, 4))]

# ---------------------------------------------------------------------------------------------------------
# Instructors
# ---------------------------------------------------------------------------------------------------------
instructors = []
for dc in DCODES:
    n_d = sum(1 for u in units if u["district"] == dc)
    for _ in range(iround(n_d / 9)):
        sc = rng.choice(streets_of[dc])
        emp = wpick([(district_name[dc] + "委组织部", 20), (district_name[dc] + "委两新工委", 15),
                     (district_name[dc] + "委社会工作部", 15),
                     (region_name[sc] + ("党工委" if region_name[sc].endswith("街道") else "党委"), 25),
                     ("示例市市场监督管理局", 6), ("示例市民政局", 4), (district_name[dc] + "市场监督管理局", 8),
                     (district_name[dc] + "工商联", 7)])
        instructors.append({"name": person(), "phone": phone(), "employer": emp,
                            "full_time": rng.random() < 0.3,
                            "visit": wpick([("每周", 15), ("每两周", 30), ("每月", 40), ("每季度", 15)]),
                            "rating": wpick([("优秀", 25), ("称职", 58), ("基本称职", 13), ("不称职", 4)]),
                            "region_code": dc, "load": 0})
inst_by_d = {dc: [i for i in instructors if i["region_code"] == dc] for dc in DCODES}


def link_instructor(u, p2026):
    cand = inst_by_d[u["district"]]
    i = min(rng.sample(cand, min(4, len(cand))), key=lambda x: x["load"])
    i["load"] += 1
    u["instructor"] = i
    lo = max(u["registered"] + days(rng.randint(10, 200)), D("2015-06-01"))
    if u["registered"] >= Y2026 or rng.random() < p2026 or lo > END2025:
        u["instructor_since"] = rdate(max(Y2026, u["registered"]), TODAY - days(1))
    else:
        u["instructor_since"] = rdate(lo, END2025)
    if u["instructor_since"] > TODAY:
        u["instructor_since"] = TODAY


def org_covered(u):
    o = u["org"]
    return o is not None and o["status"] != "撤销" and o["formation"] in ("单独组建", "联合组建", "行业统建")


for u in units:
    if u["status"] != "运营":
        if rng.random() < 0.25:
            link_instructor(u, 0)
            if u["instructor_since"] >= u["deregistered"]:
                u["instructor_since"] = u["deregistered"] - days(30)
        continue
    if u["org"] is not None and u["org"]["formation"] == "兼合式":
        link_instructor(u, 0.0)       # 兼合式 units always also have an instructor (work coverage either way)
    elif org_covered(u):
        if rng.random() < 0.42:
            link_instructor(u, 0.03)
    else:
        if rng.random() < 0.5 or id(u) in should_set and rng.random() < 0.5:
            link_instructor(u, 0.08)

# reasons and planned dates for units without organizational coverage
for u in units:
    if org_covered(u):
        continue
    if u["registered"] >= D("2025-09-01") and u["status"] == "运营":
        u["reason"] = "新成立"
    elif u["full"] == 0:
        u["reason"] = wpick([("无党员", 90), ("经营困难", 5), ("其他", 5)])
    elif u["full"] < 3:
        u["reason"] = wpick([("党员人数不足", 88), ("经营困难", 6), ("其他", 6)])
    elif u["registered"] >= D("2025-01-01"):
        u["reason"] = wpick([("经营困难", 25), ("其他", 35), ("新成立", 40)])
    else:
        u["reason"] = wpick([("经营困难", 45), ("其他", 55)])
    if u["status"] == "运营" and (u["full"] >= 3 and rng.random() < 0.8 or u["full"] in (1, 2) and rng.random() < 0.15):
        if rng.random() < 0.4:
            u["planned"] = rdate("2026-03-01", TODAY - days(1))
        else:
            u["planned"] = rdate(TODAY + days(10), "2027-06-30", future=True)

# ---------------------------------------------------------------------------------------------------------
# Platforms' surveys, outreach
# ---------------------------------------------------------------------------------------------------------
WORKERS = {"快递": (50, 800), "外卖": (100, 2000), "网约车": (100, 1500), "货车": (50, 600), "网络主播": (10, 200)}
never = [platforms[10], platforms[28]]                 # 食刻达外卖, 小鹿直播
stale = [platforms[5], platforms[19], platforms[24], platforms[29]]
surveys = []
for p in platforms:
    if p in never:
        continue
    n = rng.choice([1, 2, 2, 3, 3, 4])
    if p in stale:
        dates = sorted(rdate("2025-01-10", "2026-05-20") for _ in range(n))
    else:
        dates = sorted(rdate("2025-01-10", "2026-05-01") for _ in range(n - 1)) + [rdate("2026-06-01", TODAY)]
    lo, hi = WORKERS[p["sector"]]
    workers = rng.randint(lo, hi)
    stations = max(1, workers // rng.randint(15, 40))
    found = max(1, iround(workers * rng.uniform(0.02, 0.07)))
    transferred = rng.randint(0, found // 3)
    for dte in dates:
        pocket = rng.randint(0, max(0, found - transferred) // 2)
        mobile = rng.randint(0, found - transferred)
        surveys.append({"platform": p, "date": dte, "stations": stations, "branch_offices": max(0, stations // 6),
                        "workers": workers, "found": found, "pocket": pocket, "transferred": transferred,
                        "mobile": mobile,
                        "note": rng.choice(["", "", "", "站点负责人陪同摸排", "含新增加盟网点", "流动党员已纳入台账",
                                            "部分骑手为兼职"])})
        workers = max(lo, min(hi, workers + rng.randint(-workers // 10, workers // 8)))
        stations = max(1, stations + rng.randint(-1, 2))
        found = min(workers, found + rng.randint(0, 3))
        transferred = min(found, transferred + rng.randint(0, 2))
surveys.sort(key=lambda s: (s["date"], s["platform"]["id"]))

AWARDS = {"快递": ["最美快递员", "优秀快递小哥"], "外卖": ["最美小蜜蜂", "优秀外卖骑手"], "网约车": ["红色方向盘", "文明网约车司机"],
          "货车": ["最美货车司机", "红色方向盘"], "网络主播": ["正能量网络主播", "优秀网络主播"]}
SECTOR_WORD = {"快递": "快递员", "外卖": "外卖骑手", "网约车": "网约车司机", "货车": "货车司机", "网络主播": "网络主播"}
activities = []


def activity(date, sector, typ, region, plat=None, **kw):
    a = {"date": date, "sector": sector, "type": typ, "region_code": region, "platform": plat,
         "participants": None, "people_served": None, "items": None, "volunteer_times": None, "award": None,
         "award_person": None}
    org_pool = ["示例市委两新工委", "示例市委社会工作部", COMMITTEES["快递"]["name"], COMMITTEES["互联网"]["name"]]
    if region != CITY[0]:
        org_pool = [district_name[region[:6]] + "委两新工委", district_name[region[:6]] + "委社会工作部",
                    district_name[region[:6]] + "总工会"]
    a["organizer"] = rng.choice(org_pool)
    w = SECTOR_WORD[sector]
    place = region_name[region] if region != CITY[0] else "全市"
    if typ == "关爱慰问":
        a["people_served"] = rng.randint(30, 240)
        a["items"] = rng.randint(40, 600)
        a["participants"] = rng.randint(5, 30)
        a["title"] = rng.choice(["夏送清凉", "冬送温暖", "春节慰问", "端午送粽", "中秋送月饼", "高温慰问"]) + "：慰问" + place + w
    elif typ == "培训":
        a["participants"] = rng.randint(20, 200)
        a["title"] = place + w + rng.choice(["交通安全培训", "职业技能培训", "急救知识培训", "党史学习教育培训", "消防安全培训"])
    elif typ == "志愿服务":
        a["participants"] = rng.randint(8, 60)
        a["volunteer_times"] = rng.randint(20, 180)
        a["people_served"] = rng.randint(20, 300)
        a["title"] = w + rng.choice(["“民情哨兵”社区巡查", "文明交通劝导", "敬老助老志愿服务", "社区环境整治志愿服务",
                                    "防汛值守志愿服务", "反诈宣传志愿服务"])
    elif typ == "评选表彰":
        aw = rng.choice(AWARDS[sector])
        a["award"] = aw
        a["award_person"] = person()
        a["participants"] = rng.randint(30, 150)
        a["title"] = "%d年度%s“%s”评选" % (date.year if date.month > 6 else date.year - 1, place, aw)
    elif typ == "座谈":
        a["participants"] = rng.randint(8, 40)
        a["title"] = place + w + rng.choice(["代表座谈会", "“面对面”恳谈会", "权益保障座谈会", "诉求收集座谈会"])
    else:
        a["participants"] = rng.randint(3, 20)
        a["people_served"] = rng.randint(20, 500)
        a["title"] = place + w + rng.choice(["党员摸排", "站点及从业人员摸排", "流动党员摸排"])
    if plat is not None:
        a["title"] = plat["brand"] + "：" + a["title"]
    a.update(kw)
    activities.append(a)
    return a


SECTORS = ["快递", "外卖", "网约车", "货车", "网络主播"]
ACT_TYPES = [("关爱慰问", 26), ("培训", 20), ("志愿服务", 22), ("评选表彰", 8), ("座谈", 12), ("摸排", 12)]
for k in range(149):
    sector = SECTORS[k % 5] if k < 20 else wpick([("快递", 30), ("外卖", 28), ("网约车", 20), ("货车", 11), ("网络主播", 11)])
    typ = ACT_TYPES[k % 6][0] if k < 12 else wpick(ACT_TYPES)
    date = rdate("2025-01-04", TODAY - days(1))
    region = CITY[0] if rng.random() < 0.35 else rng.choice(DCODES + [rng.choice(streets_of[rng.choice(DCODES)])])
    plats = [p for p in platforms if p["sector"] == sector]
    plat = rng.choice(plats) if rng.random() < 0.4 else None
    activity(date, sector, typ, region, plat)
big_care = activity(D("2026-07-16"), "外卖", "关爱慰问", CITY[0], None, people_served=260, items=707, participants=36,
                    organizer="示例市委社会工作部",
                    title="“暖新”夏送清凉关爱行动：为快递外卖骑手送上应急药包507份、爱心礼包200份")
activities.sort(key=lambda a: (a["date"], a["title"]))

# ---------------------------------------------------------------------------------------------------------
# Stations and their logs
# ---------------------------------------------------------------------------------------------------------
STATION_KINDS = [("爱心驿站", 30), ("暖心驿站", 25), ('暖"新"驿站', 20), ("红色驿站", 10), ("党群驿站", 15)]
HOSTS = ["商超", "银行", "药店", "加油站", "党群服务中心", "快递网点", "社区服务站"]
SERVICES = ["休息", "饮水", "充电", "热饭", "如厕", "取暖纳凉", "应急药箱", "雨具", "阅读", "维修工具", "Wi-Fi", "倾诉"]
STATION_PLAN = {"990102": 8, "990103": 6, "990104": 8, "990105": 6, "990106": 4, "990121": 8}
stations = []
for dc in DCODES:
    for _ in range(STATION_PLAN[dc]):
        place = pick_place(dc)
        ht = rng.choice(HOSTS)
        ss, ds = street_short(place), district_short[dc]
        host = {"商超": lambda: zihao(unique=False) + "超市" + ss + "店",
                "银行": lambda: rng.choice(["示例银行", "示例农村商业银行", "示例城市商业银行"]) + ds + ss + "支行",
                "药店": lambda: zihao(unique=False) + "大药房" + ss + "店",
                "加油站": lambda: "示例能源" + ss + "加油站",
                "党群服务中心": lambda: (region_name[place] if len(place) == 12 else region_name[street_of(place)]) + "党群服务中心",
                "快递网点": lambda: rng.choice(["迅达快递", "云驰快递", "速邦快递", "鸿翼速运"]) + ss + "营业部",
                "社区服务站": lambda: (region_name[place] if len(place) == 12 else region_name[street_of(place)] + "便民") + "服务站",
                }[ht]
        for _ in range(50):
            h = host()
            if h not in _names_used:
                break
        _names_used.add(h)
        kind = wpick(STATION_KINDS)
        c = street_center[street_of(place)]
        svc = ["休息", "饮水", "充电", "如厕", "应急药箱"] + [s for s in SERVICES if s not in ("休息", "饮水", "充电", "如厕", "应急药箱")
                                                            and rng.random() < 0.45]
        hours = rng.choice(["08:00-20:00", "08:30-18:00", "09:00-21:00", "07:30-22:00",
                                                              "08:00-12:00,14:00-20:00", "09:00-12:00,13:30-18:30"])
        stations.append({"name": h + kind, "kind": kind, "region_code": place, "host_unit": h, "host_type": ht,
                         "address": address(place), "lat": c[0] + rng.uniform(-0.008, 0.008),
                         "lon": c[1] + rng.uniform(-0.008, 0.008),
                         "contact_name": person(), "contact_phone": phone(), "hours": hours, "services": svc,
                         "opened": rdate("2021-03-01", "2025-10-31"), "status": "运行", "reason": "", "stop": None,
                         "last_log": None, "district": dc})
for s_ in rng.sample(stations, iround(0.4 * len(stations))):
    s_["hours"] = "24h"
# findings: stations lacking 应急药箱 or 充电, stations without contact
st_by_d = {dc: [s for s in stations if s["district"] == dc] for dc in DCODES}
for s in (st_by_d["990102"][1], st_by_d["990104"][2], st_by_d["990121"][3]):
    s["services"] = [x for x in s["services"] if x != "应急药箱"]
for s in (st_by_d["990105"][0], st_by_d["990103"][2]):
    s["services"] = [x for x in s["services"] if x != "充电"]
for s in (st_by_d["990104"][5], st_by_d["990121"][6]):
    s["contact_name"] = ""
    s["contact_phone"] = ""
# 高新区: none running
gx = st_by_d["990106"]
for s, st, reason, stop in ((gx[0], "暂停", "所在商超装修，2026-08-01起暂停服务", D("2026-08-01")),
                            (gx[1], "暂停", "承接单位更换负责人，2026-09-15起暂停", D("2026-09-15")),
                            (gx[2], "撤销", "承接药店停业，2026-04-30撤销", D("2026-04-30")),
                            (gx[3], "撤销", "场地收回，2025-12-20撤销", D("2025-12-20"))):
    s["status"], s["reason"], s["stop"] = st, reason, stop
s = st_by_d["990104"][7]
s["status"], s["reason"], s["stop"] = "暂停", "道路施工封闭，2026-10-10起暂停", D("2026-10-10")
s = st_by_d["990103"][5]
s["status"], s["reason"], s["stop"] = "撤销", "并入望江街道党群服务中心驿站，2026-06-30撤销", D("2026-06-30")
# running stations with special logging: last log 2026-10-23 (not idle), 2026-10-22 (idle), 2026-09-08 (idle),
# and a station opened 2026-11-12 with no log yet (idle)
special_last = {id(st_by_d["990102"][4]): D("2026-10-23"), id(st_by_d["990105"][3]): D("2026-10-22"),
                id(st_by_d["990121"][1]): D("2026-09-08")}
fresh = st_by_d["990103"][0]
fresh["opened"] = D("2026-11-12")
st_by_d["990121"][5]["opened"] = D("2026-03-18")     # opened this year, logs since
logs = []
for s in stations:
    start = max(s["opened"], LOG_START)
    end = s["stop"] - days(1) if s["stop"] else TODAY
    if s is fresh:
        continue
    if id(s) in special_last:
        end = special_last[id(s)]
    base = rng.randint(8, 30)
    dte = start + days(rng.randint(0, 3))
    last = None
    while dte <= end:
        seasonal = 1.25 if dte.month in (1, 2, 7, 8, 12) else 1.0
        cnt_ = max(3, min(60, int(rng.gauss(base * seasonal, base * 0.35))))
        note = ""
        r = rng.random()
        if r < 0.03:
            note = rng.choice(["高温天气骑手较多", "雨天避雨人员较多", "含外卖骑手集中休息", "冬季热饭需求大", "充电宝借用较多"])
        logs.append({"station": s, "date": dte, "count": cnt_, "note": note})
        last = dte
        dte += days(rng.choice([1, 2, 2, 3, 3, 4, 5, 7]))
    if id(s) in special_last and last != special_last[id(s)]:
        logs.append({"station": s, "date": special_last[id(s)], "count": rng.randint(3, 20), "note": ""})
logs.sort(key=lambda l: (l["date"], stations.index(l["station"])))

# ---------------------------------------------------------------------------------------------------------
# Training sessions and attendance
# ---------------------------------------------------------------------------------------------------------
HOURS = {"书记轮训": [16, 20, 24, 32, 40], "学习培训班": [8, 12, 16, 24, 32, 40], "党务工作者培训": [8, 12, 16, 24],
         "主题教育集中学习": [4, 6, 8, 12, 16], "专题党课": [1.5, 2, 2.5, 3], "宣讲": [1, 1.5, 2],
         "专题研讨": [2, 2.5, 3, 4], "知识竞赛": [2, 2.5, 3]}
TITLES = {"书记轮训": [("两新组织党组织书记轮训班", "党组织书记"), ("非公企业党组织书记轮训班", "党组织书记"),
                    ("社会组织党组织书记轮训班", "党组织书记")],
          "学习培训班": [("两新组织党员骨干学习培训班", "两新组织党员"), ("新任党组织书记培训班", "党组织书记"),
                    ("两新组织党组织书记和党务工作者培训班", "党组织书记、党务工作者"), ("发展对象培训班", "发展对象")],
          "党务工作者培训": [("两新组织党务工作者业务培训", "党务工作者"), ("党务工作者初级认证培训", "党务工作者"),
                      ("党务工作者中级认证培训", "党务工作者")],
          "主题教育集中学习": [("主题教育集中学习", "两新组织党员"), ("党纪学习教育集中学习", "两新组织党员"),
                        ("党组织书记读书班集中学习", "党组织书记")],
          "专题党课": [("“七一”专题党课", "两新组织党员"), ("书记讲党课", "两新组织党员"), ("红色家风专题党课", "两新组织党员"),
                   ("党的创新理论专题党课", "两新组织党员")],
          "宣讲": [("党的二十大精神进网点宣讲", "新就业群体"), ("理论宣讲进商圈", "群众"), ("新就业群体“微宣讲”", "新就业群体"),
                 ("法治宣讲", "群众")],
          "专题研讨": [("党建引领企业发展专题研讨", "党组织书记"), ("社会组织党建工作专题研讨", "党务工作者"),
                   ("新就业群体党建专题研讨", "党组织书记")],
          "知识竞赛": [("党章党规知识竞赛", "两新组织党员"), ("党史知识竞赛", "两新组织党员"), ("安全生产知识竞赛", "新就业群体")]}
sessions = []


def session(date, typ, region, hours=None):
    if region == CITY[0]:
        organizer = rng.choice(["示例市委两新工委", "示例市委社会工作部", "市社会组织党委", "市非公经济组织党委"])
    elif len(region) == 6:
        organizer = district_name[region] + rng.choice(["委两新工委", "委社会工作部"])
    else:
        organizer = region_name[region] + ("党工委" if region_name[region].endswith("街道") else "党委")
    title, audience = rng.choice(TITLES[typ])
    s = {"date": date, "type": typ, "region_code": region, "organizer": organizer,
         "hours": hours if hours is not None else rng.choice(HOURS[typ]),
         "title": "%d年%s%s" % (date.year, district_name.get(region, "") if len(region) == 6 else
                                (region_name[region] if region != CITY[0] else "示例市"), title),
         "mode": wpick([("线下", 60), ("线上", 15), ("线上+线下", 25)]) if typ not in ("书记轮训",) else
         wpick([("线下", 80), ("线上+线下", 20)]),
         "audience": audience, "att": []}
    if typ == "宣讲" and rng.random() < 0.5:
        s["hours"] = rng.choice([1, 1.5, 2])
    sessions.append(s)
    return s


PLAN_2026 = {"书记轮训": 18, "学习培训班": 24, "党务工作者培训": 12, "主题教育集中学习": 15, "专题党课": 50, "宣讲": 42,
             "专题研讨": 26, "知识竞赛": 11}
PLAN_2025 = {"书记轮训": 9, "学习培训班": 12, "党务工作者培训": 6, "主题教育集中学习": 8, "专题党课": 24, "宣讲": 20,
             "专题研讨": 14, "知识竞赛": 7}
for year, plan, lo, hi in ((2026, PLAN_2026, D("2026-01-06"), TODAY - days(2)),
                           (2025, PLAN_2025, D("2025-01-07"), D("2025-12-26"))):
    for typ, n in plan.items():
        for k in range(n):
            if typ in ("书记轮训", "学习培训班", "党务工作者培训", "主题教育集中学习"):
                region = CITY[0] if k % 7 in (0, 6) else DCODES[k % 6]
            else:
                region = wpick([(CITY[0], 2), (rng.choice(DCODES), 5),
                                (rng.choice(streets_of[rng.choice(DCODES)]), 3)])
            session(rdate(lo, hi), typ, region)
# the pair that gives one secretary exactly 56.0 学时
s56a = session(D("2026-04-13"), "书记轮训", CITY[0], 32)
s56b = session(D("2026-06-22"), "学习培训班", CITY[0], 24)
s56a["title"] = "2026年示例市两新组织党组织书记示范轮训班"
s56b["title"] = "2026年示例市新任党组织书记培训班"
sessions.sort(key=lambda s: (s["date"], s["title"]))

CONC = ("学习培训班", "书记轮训", "党务工作者培训", "主题教育集中学习")


def eligible(o, year, types):
    dc = o["region_code"][:6]
    return [s for s in sessions if s["date"].year == year and s["type"] in types and s["date"] >= o["founded"]
            and (s["region_code"] == CITY[0] or s["region_code"][:6] == dc)]


def attend(s, o, role, name):
    s["att"].append({"org": o, "role": role, "name": name, "n": 1})


active = [o for o in orgs if o["status"] != "撤销"]
sec_orgs = active[:]
rng.shuffle(sec_orgs)
n_s = len(sec_orgs)
n_R, n_C, n_H = iround(0.60 * n_s), iround(0.10 * n_s), iround(0.55 * n_s)
# orgs founded this year go last (the "no concentrated course" group); the planted 56.0 secretary first
sec_orgs = [o for o in sec_orgs if o["founded"] < Y2026] + [o for o in sec_orgs if o["founded"] >= Y2026]
exact56 = sec_orgs[0]
for idx, o in enumerate(sec_orgs):
    in_R = idx < n_R
    in_C = n_R <= idx < n_R + n_C
    in_H = idx < n_H
    name = o["secretary"]
    if o is exact56:
        attend(s56a, o, "书记", name)
        attend(s56b, o, "书记", name)
        o["hours2026"] = 56.0
        continue
    total = 0.0
    chosen = []
    if in_R:
        rot = eligible(o, 2026, ("书记轮训",))
        rot = [s for s in rot if s not in (s56a, s56b)]
        s = rng.choice(rot)
        chosen.append(s)
        total += s["hours"]
    elif in_C:
        cs = [s for s in eligible(o, 2026, ("学习培训班", "党务工作者培训", "主题教育集中学习")) if s not in (s56a, s56b)]
        s = rng.choice(cs)
        chosen.append(s)
        total += s["hours"]
    if in_H:
        types = CONC + ("专题党课", "专题研讨", "宣讲", "知识竞赛") if in_R else \
            ("学习培训班", "党务工作者培训", "主题教育集中学习", "专题党课", "专题研讨", "宣讲", "知识竞赛")
        cand = [s for s in eligible(o, 2026, types) if s not in chosen and s not in (s56a, s56b)]
        rng.shuffle(cand)
        cand.sort(key=lambda s: -s["hours"] * rng.random())
        for s in cand:
            if total >= 56:
                break
            chosen.append(s)
            total += s["hours"]
        assert total >= 56, (o["name"], total)
        if total == 56.0:
            # keep the planted one unique-ish: add a short session
            extra = [s for s in eligible(o, 2026, ("专题党课", "宣讲")) if s not in chosen]
            if extra:
                chosen.append(extra[0])
                total += extra[0]["hours"]
    else:
        types = ("专题党课", "专题研讨", "宣讲", "知识竞赛") if not (in_R or in_C) else \
            (("学习培训班", "专题党课", "专题研讨", "宣讲") if in_R else ("专题党课", "专题研讨", "宣讲"))
        cand = [s for s in eligible(o, 2026, types) if s not in chosen and s not in (s56a, s56b)]
        rng.shuffle(cand)
        for s in cand[:rng.randint(0, 3)]:
            if total + s["hours"] < 56:
                chosen.append(s)
                total += s["hours"]
    for s in chosen:
        attend(s, o, "书记", name)
    o["hours2026"] = total
# 2025: looser history
for o in active:
    if o["founded"] > D("2025-10-31") or rng.random() < 0.35:
        continue
    cand = eligible(o, 2025, CONC + ("专题党课", "专题研讨"))
    for s in rng.sample(cand, min(len(cand), rng.randint(1, 3))):
        attend(s, o, "书记", o["secretary"])
# committee members, members and head counts
for s in sessions:
    dc = s["region_code"][:6]
    local = [o for o in active if o["founded"] <= s["date"] and (s["region_code"] == CITY[0] or o["region_code"][:6] == dc)]
    if s["type"] in ("学习培训班", "党务工作者培训", "主题教育集中学习", "专题研讨"):
        for o in rng.sample(local, min(len(local), rng.randint(4, 16))):
            attend(s, o, "委员", rng.choice(o["committee_members"]))
    if s["type"] in ("学习培训班", "主题教育集中学习", "专题党课", "知识竞赛"):
        for o in rng.sample(local, min(len(local), rng.randint(3, 12))):
            attend(s, o, "党员", person())
    if s["type"] in ("专题党课", "宣讲", "知识竞赛", "主题教育集中学习"):
        for _ in range(rng.randint(1, 3)):
            o = rng.choice(local) if local and rng.random() < 0.6 else None
            role = "党员" if o is not None else "群众"
            s["att"].append({"org": o, "role": role, "name": "", "n": rng.randint(15, 160)})
    if s["type"] == "宣讲" and rng.random() < 0.5:
        s["att"].append({"org": None, "role": "群众", "name": person(), "n": 1})
    total = sum(a["n"] for a in s["att"])
    s["person_times"] = total + (rng.randint(0, max(3, total // 8)) if rng.random() < 0.5 else 0)
    if s["person_times"] == 0:
        s["person_times"] = rng.randint(20, 80)

# ---------------------------------------------------------------------------------------------------------
# Star evaluations
# ---------------------------------------------------------------------------------------------------------
DIMS = [("组织设置", 15), ("班子队伍", 20), ("党员管理", 15), ("组织生活", 20), ("阵地建设", 10), ("作用发挥", 20)]
BAND = {5: (90, 98), 4: (80, 89), 3: (70, 79), 2: (60, 69), 1: (48, 59), 0: (40, 58)}


def scores(total):
    s = [min(m, iround(m * total / 100)) for _, m in DIMS]
    while sum(s) != total:
        i = rng.randrange(len(DIMS))
        if sum(s) < total and s[i] < DIMS[i][1]:
            s[i] += 1
        elif sum(s) > total and s[i] > 0:
            s[i] -= 1
    # some noise that keeps the total
    for _ in range(3):
        i, j = rng.randrange(6), rng.randrange(6)
        if i != j and s[i] > 0 and s[j] < DIMS[j][1]:
            s[i] -= 1
            s[j] += 1
    return ";".join("%s:%d" % (DIMS[k][0], v) for k, v in enumerate(s))


EVIDENCE = ["三会一课记录", "主题党日台账", "组织生活会记录", "民主评议表", "党建阵地照片", "党员发展材料", "党费收缴台账",
            "先锋岗评选材料", "志愿服务记录"]


def evidence(innov):
    ev = rng.sample(EVIDENCE, rng.randint(3, 6))
    if innov:
        ev.append("创新项目材料")
    return "、".join(ev)


evals = []


def evaluation(o, year, stage, applied, decided=None, veto="", submitted=None):
    innov = applied == 5 or rng.random() < 0.25
    self_total = rng.randint(*BAND[applied])
    e = {"org": o, "year": year, "stage": stage, "applied": applied, "self": scores(self_total), "reviewer": "",
         "vetoes": veto, "evidence": evidence(innov), "innovation": innov, "decided": decided,
         "pub_start": None, "pub_end": None, "submitted": submitted}
    if stage in ("审核", "公示", "授星", "不予通过") or stage == "退回" and rng.random() < 0.5:
        rev = decided if decided is not None else max(1, applied - (1 if rng.random() < 0.4 else 0))
        if stage == "不予通过":
            rev = max(1, applied - rng.randint(1, 2))
        lo, hi = BAND[rev]
        e["reviewer"] = scores(min(self_total, rng.randint(lo, hi)) if rev == applied else rng.randint(lo, hi))
    evals.append(e)
    return e


rated = [o for o in active if o["star"] > 0]
rng.shuffle(rated)
dec2026 = rated[:70]
dec2026_ids = set(id(o) for o in dec2026)
for o in rated:
    had2025 = id(o) not in dec2026_ids or rng.random() < 0.5
    if not had2025:
        continue
    star25 = o["star"] if id(o) not in dec2026_ids else max(1, o["star"] - (1 if rng.random() < 0.6 else 0))
    sub = rdate(max(D("2025-03-01"), o["founded"] + days(20)), D("2025-10-31"))
    e = evaluation(o, 2025, "授星", max(star25, min(5, star25 + (1 if rng.random() < 0.2 else 0))), star25, "", sub)
    e["pub_start"] = sub + days(rng.randint(25, 55))
    e["pub_end"] = e["pub_start"] + days(6)
    if star25 == 5:
        e["innovation"] = True
        if "创新项目材料" not in e["evidence"]:
            e["evidence"] += "、创新项目材料"
for o in dec2026:
    sub = rdate(D("2026-03-01"), D("2026-08-31"))
    e = evaluation(o, 2026, "授星", min(5, o["star"] + (1 if rng.random() < 0.2 else 0)), o["star"], "", sub)
    e["pub_start"] = rdate(sub + days(30), min(TODAY - days(14), sub + days(90)))
    e["pub_end"] = e["pub_start"] + days(6)
    if o["star"] == 5:
        e["innovation"] = True
        if "创新项目材料" not in e["evidence"]:
            e["evidence"] += "、创新项目材料"
others = [o for o in active if id(o) not in dec2026_ids and not o.get("committee") and o["org_type"] != "临时党支部"]
rng.shuffle(others)
weak_first = [o for o in others if o["status"] == "软弱涣散"][:6]
others = weak_first + [o for o in others if o not in weak_first]
stage_plan = [("不予通过", 16), ("公示", 26), ("审核", 44), ("初核", 46), ("自评申报", 54), ("草稿", 24), ("退回", 20)]
pos = 0
for stage, n in stage_plan:
    for o in others[pos:pos + n]:
        cur = o["star"]
        applied = min(5, max(1, cur + wpick([(0, 45), (1, 45), (2, 10)])))
        veto = ""
        if stage == "不予通过":
            veto = "软弱涣散" if o["status"] == "软弱涣散" else wpick([("", 40), ("不良信用记录", 35), ("重大安全生产事故", 15),
                                                                  ("严重违纪违法", 10)])
            if o["status"] == "软弱涣散" and rng.random() < 0.3:
                veto += "、不良信用记录"
        sub = None if stage == "草稿" else rdate(max(D("2026-03-01"), o["founded"] + days(15)), TODAY - days(3))
        e = evaluation(o, 2026, stage, applied, None, veto, sub)
        if stage == "公示":
            e["pub_start"] = rdate(max(sub + days(20), TODAY - days(10)), TODAY - days(1))
            e["pub_end"] = min(TODAY, e["pub_start"] + days(6))
    pos += n

# ---------------------------------------------------------------------------------------------------------
# Ids and writing
# ---------------------------------------------------------------------------------------------------------
units.sort(key=lambda u: (u["registered"], u["name"]))
for i, u in enumerate(units, 1):
    u["id"] = i
committees = [o for o in orgs if o.get("committee")]
rest_orgs = [o for o in orgs if not o.get("committee")]
rest_orgs.sort(key=lambda o: (o["founded"], o["name"]))
orgs = committees + rest_orgs
for i, o in enumerate(orgs, 1):
    o["id"] = i
names = [o["name"] for o in orgs]
assert len(names) == len(set(names)), "duplicate org names"
for i, ins in enumerate(instructors, 1):
    ins["id"] = i
for i, s in enumerate(stations, 1):
    s["id"] = i


def fmt(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float):
        return ("%d" % v) if v == int(v) else ("%g" % v)
    return str(v)


def write(name, header, rows):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            assert len(r) == len(header)
            w.writerow([fmt(v) for v in r])
    return len(rows)


def ref(o):
    return o["id"] if o is not None else None


for u in units:
    assert gb32100_valid(u["credit_code"]), u["credit_code"]
    assert u["credit_code"][:2] == CC_PREFIX[u["category"]] and u["credit_code"][2:8] == u["district"]
assert len(set(u["credit_code"] for u in units)) == len(units)
assert len(set(u["name"] for u in units)) == len(units)

counts_written = {}
counts_written["regions.csv"] = write("regions.csv", ["code", "name", "level", "parent_code"],
                                      [[r["code"], r["name"], r["level"], r["parent_code"]] for r in regions])
counts_written["party_orgs.csv"] = write(
    "party_orgs.csv",
    ["id", "name", "org_type", "formation", "parent_id", "region_code", "secretary_name", "secretary_phone",
     "secretary_appointed", "full_members", "probationary_members", "status", "star_level", "founded"],
    [[o["id"], o["name"], o["org_type"], o["formation"], ref(o["parent"]), o["region_code"], o["secretary"], o["phone"],
      o["appointed"], o["full"], o["prob"], o["status"], o["star"], o["founded"]] for o in orgs])
counts_written["instructors.csv"] = write(
    "instructors.csv", ["id", "name", "phone", "employer", "full_time", "visit_frequency", "rating", "region_code"],
    [[i["id"], i["name"], i["phone"], i["employer"], i["full_time"], i["visit"], i["rating"], i["region_code"]]
     for i in instructors])
counts_written["units.csv"] = write(
    "units.csv",
    ["id", "name", "credit_code", "kind", "category", "industry", "region_code", "address", "staff", "full_members",
     "probationary_members", "legal_rep_member", "acfic_member", "sector", "party_org_id", "org_since", "instructor_id",
     "instructor_since", "reason_not_formed", "planned_date", "registered", "status", "deregistered"],
    [[u["id"], u["name"], u["credit_code"], u["kind"], u["category"], u["industry"], u["region_code"], u["address"],
      u["staff"], u["full"], u["prob"], u["legal_rep"], u["acfic"] if u["kind"] == "非公企业" else None, u["sector"],
      ref(u["org"]), u["org_since"], ref(u["instructor"]), u["instructor_since"], u["reason"], u["planned"],
      u["registered"], u["status"], u["deregistered"]] for u in units])
counts_written["platforms.csv"] = write(
    "platforms.csv", ["id", "name", "sector", "region_code", "party_org_id"],
    [[p["id"], p["name"], p["sector"], p["region_code"], ref(p["org"])] for p in platforms])
counts_written["platform_surveys.csv"] = write(
    "platform_surveys.csv",
    ["id", "platform_id", "survey_date", "stations", "branch_offices", "workers", "members_found", "pocket_members",
     "members_transferred", "mobile_members", "note"],
    [[i, s["platform"]["id"], s["date"], s["stations"], s["branch_offices"], s["workers"], s["found"], s["pocket"],
      s["transferred"], s["mobile"], s["note"]] for i, s in enumerate(surveys, 1)])
counts_written["outreach_activities.csv"] = write(
    "outreach_activities.csv",
    ["id", "date", "sector", "type", "title", "organizer", "region_code", "platform_id", "participants",
     "people_served", "items", "volunteer_times", "award", "award_person"],
    [[i, a["date"], a["sector"], a["type"], a["title"], a["organizer"], a["region_code"], ref(a["platform"]),
      a["participants"], a["people_served"], a["items"], a["volunteer_times"], a["award"], a["award_person"]]
     for i, a in enumerate(activities, 1)])
counts_written["stations.csv"] = write(
    "stations.csv",
    ["id", "name", "kind", "region_code", "host_unit", "host_type", "address", "latitude", "longitude", "contact_name",
     "contact_phone", "hours", "services", "opened", "status", "status_reason"],
    [[s["id"], s["name"], s["kind"], s["region_code"], s["host_unit"], s["host_type"], s["address"],
      "%.6f" % s["lat"], "%.6f" % s["lon"], s["contact_name"], s["contact_phone"], s["hours"],
      "、".join(x for x in SERVICES if x in s["services"]), s["opened"], s["status"], s["reason"]] for s in stations])
counts_written["station_logs.csv"] = write(
    "station_logs.csv", ["id", "station_id", "date", "count", "note"],
    [[i, l["station"]["id"], l["date"], l["count"], l["note"]] for i, l in enumerate(logs, 1)])
att_rows = []
for sid, s in enumerate(sessions, 1):
    s["id"] = sid
    for a in s["att"]:
        att_rows.append([None, sid, ref(a["org"]), a["name"], a["role"], a["n"]])
for i, r in enumerate(att_rows, 1):
    r[0] = i
counts_written["training_sessions.csv"] = write(
    "training_sessions.csv",
    ["id", "date", "title", "type", "mode", "organizer", "audience", "region_code", "person_times", "hours"],
    [[s["id"], s["date"], s["title"], s["type"], s["mode"], s["organizer"], s["audience"], s["region_code"],
      s["person_times"], float(s["hours"])] for s in sessions])
counts_written["training_attendance.csv"] = write(
    "training_attendance.csv", ["id", "session_id", "party_org_id", "person_name", "role", "head_count"], att_rows)
evals.sort(key=lambda e: (e["year"], e["submitted"] or TODAY, e["org"]["id"]))
counts_written["star_evaluations.csv"] = write(
    "star_evaluations.csv",
    ["id", "party_org_id", "year", "stage", "applied_star", "self_scores", "reviewer_scores", "vetoes", "evidence",
     "innovation", "decided_star", "publicity_start", "publicity_end", "submitted"],
    [[i, e["org"]["id"], e["year"], e["stage"], e["applied"], e["self"], e["reviewer"], e["vetoes"], e["evidence"],
      e["innovation"], e["decided"], e["pub_start"], e["pub_end"], e["submitted"]] for i, e in enumerate(evals, 1)])

for name, n in counts_written.items():
    print("%-26s %6d rows" % (name, n))
