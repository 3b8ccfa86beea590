import LiangxinModel

/// The word lists of sample-data/make_sample.py, so a generated province reads like the sample city 示例市.
/// Every person, company, brand and road is invented.
enum Vocabulary {
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
                                + "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
    static let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红文辉建国志海燕鹏斌宇浩凯俊峰晨欣婷雪琳慧佳嘉"
                             + "子梓睿航博宁悦思雨晓春立永林成东亮晶飞健颖倩瑞新兰凤云荣梅莉鑫帅丹彬越泽晗涵琪欢振德胜利金宏庆德安")
    static let phonePrefixes = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
                                "156", "157", "158", "159", "166", "173", "176", "177", "178", "180", "181", "182", "183", "185",
                                "186", "187", "188", "189", "191", "198", "199"]

    /// The first city is the sample's 示例市; the others get names from these syllables.
    static let cityFirst = Array("青安平宁江阳泉临云丰长永新和嘉汉盛清柳桐")
    static let citySecond = Array("州阳安山江城宁原川陵")

    struct DistrictTemplate {
        let suffix: String      // last two digits of the district code, as in the sample
        let name: String
        let streets: [String]
        let roads: [String]
        let weight: Double
        let stations: Double    // share of the city's care stations
    }

    static let districts: [DistrictTemplate] = [
        DistrictTemplate(suffix: "02", name: "东湖区", streets: ["东湖街道", "桃源街道", "长安街道", "滨湖街道", "民主街道", "春晖街道", "湖心街道"],
                         roads: ["长安路", "湖滨路", "桃源路", "春晖大道", "民主路", "东湖大道", "解放路", "滨湖北路"], weight: 0.21, stations: 8),
        DistrictTemplate(suffix: "03", name: "西岭区", streets: ["西岭街道", "枫林街道", "翠屏街道", "白沙街道", "望江街道", "松柏街道"],
                         roads: ["西岭大道", "枫林路", "翠屏路", "白沙路", "望江路", "松柏路", "岭南路"], weight: 0.15, stations: 6),
        DistrictTemplate(suffix: "04", name: "南港区", streets: ["南港街道", "海晏街道", "渔港街道", "新港街道", "金沙街道", "港湾街道", "潮音街道", "观海街道"],
                         roads: ["港城大道", "海晏路", "渔港路", "新港路", "金沙路", "潮音路", "观海路", "临港大道"], weight: 0.18, stations: 8),
        DistrictTemplate(suffix: "05", name: "北辰区", streets: ["北辰街道", "星火街道", "青云街道", "文昌街道", "瑞丰街道", "拱辰街道"],
                         roads: ["北辰大道", "星火路", "青云路", "文昌路", "瑞丰路", "拱辰街", "朝阳路"], weight: 0.15, stations: 6),
        DistrictTemplate(suffix: "06", name: "高新区", streets: ["科创街道", "数港街道", "云谷街道", "翠湖街道", "未来城街道"],
                         roads: ["科创大道", "数港路", "云谷路", "翠湖路", "未来大道", "智谷路", "创业路"], weight: 0.18, stations: 4),
        DistrictTemplate(suffix: "21", name: "临川县", streets: ["城关镇", "临溪镇", "石桥镇", "清水镇", "龙泉镇", "梅岭乡", "白鹤乡"],
                         roads: ["城关大道", "临溪路", "石桥街", "清水路", "龙泉路", "梅岭路", "建设路"], weight: 0.13, stations: 8),
    ]

    static let communities = ["桃园", "幸福", "和平", "锦绣", "阳光", "春华", "新村", "丽景", "花园", "翠苑", "友谊", "团结", "康乐",
                              "金桂", "银杏", "紫荆", "枫丹", "望湖", "滨江", "海棠", "玉兰", "芙蓉", "青松", "明珠", "东方", "朝晖",
                              "晨曦", "星光", "月湖", "书香", "文苑", "学府", "鸿福", "永安", "长乐", "天和", "景园", "丰泽", "嘉禾",
                              "双桥", "古井", "柳荫", "荷塘", "莲花", "南湖", "绿洲", "福寿", "安居", "欣悦", "润园"]

    static let zihaoA = Array("恒鑫华瑞宏盛泰嘉金永兴利诚信博创达德丰海汇佳锦凯坤隆明鹏启荣润森胜天拓伟祥新旭亚耀益宇远跃正志卓铭晟昊澜峻")
    static let zihaoB = Array("远达盛泰源丰瑞通祥发诚昌隆辉鑫华宇邦成科峰誉泽润辰越航晟凯联信茂景安鼎恒嘉和展彩驰耀川岳汇创")

    /// (industry, businesses, weight)
    static let enterpriseBusiness: [(String, [String], Double)] = [
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
    /// How an industry-built branch names the industry it gathers.
    static func industryLabel(_ industry: String) -> String {
        switch industry {
        case "制造业": return "制造业"
        case "批发和零售业": return "商贸流通"
        case "信息技术服务": return "软件和信息服务"
        case "住宿和餐饮业": return "餐饮住宿"
        case "建筑业": return "建筑业"
        case "房地产业": return "物业服务"
        case "交通运输仓储和邮政业": return "物流运输"
        case "租赁和商务服务业": return "商务服务"
        case "科学研究和技术服务业": return "科技服务"
        case "居民服务修理和其他服务业": return "居民服务"
        case "文化体育和娱乐业": return "文化传媒"
        default: return "综合"
        }
    }
    static let foreignNames = ["凯森", "维斯顿", "博朗特", "艾迪森", "康瑞德", "诺维", "爱思特", "韦尔斯", "伊莱", "丰田野", "大和光", "三和精",
                               "泰普森", "蓝思德", "高丽星", "新和田", "奥克兰", "普瑞斯", "贝科", "汉斯", "卡洛", "米兰达", "麦格瑞", "昭和通",
                               "东洋精", "瑞尔特", "安德鲁", "阿尔法", "佳能达", "福斯特"]
    /// (industry, name marker, shops, weight)
    static let shops: [(String, String, [String], Double)] = [
        ("住宿和餐饮业", "记", ["小吃店", "面馆", "早餐店", "烧烤店", "汤粉店", "饺子馆", "包子铺", "快餐店", "米粉店", "卤味店"], 30),
        ("居民服务修理和其他服务业", "氏", ["理发店", "修车行", "干洗店", "裁缝铺", "家电维修部", "开锁店", "洗车店"], 18),
        ("批发和零售业", "", ["便利店", "五金店", "水果店", "超市", "文具店", "茶叶店", "服装店", "烟酒店", "母婴店", "花店",
                           "眼镜店", "手机维修店", "建材经营部", "日用品商行", "农资店", "粮油店", "鞋店"], 52),
    ]
    static let marketTypes = ["农贸市场", "水产批发市场", "建材市场", "小商品市场", "花卉市场", "二手车市场", "服装批发市场", "果蔬批发市场",
                              "五金机电市场", "家具市场"]
    static let associationFields = ["青年志愿者", "摄影家", "书法家", "餐饮行业", "物流行业", "汽车维修行业", "老年体育", "围棋", "家政服务业",
                                    "电子商务", "软件行业", "美容美发行业", "物业管理", "建筑业", "烹饪", "诗词", "收藏家", "钓鱼", "太极拳",
                                    "广场舞", "登山", "自行车运动", "篮球", "足球", "乒乓球", "羽毛球", "游泳", "象棋", "读书", "科普", "心理卫生",
                                    "婚姻家庭", "残疾人康复", "养老服务", "社会工作", "律师", "注册会计师", "民营经济", "中小企业", "女企业家",
                                    "青年企业家", "新阶层人士", "网络文艺", "直播电商", "快递物流", "食品安全", "茶文化", "花卉园艺", "曲艺",
                                    "舞蹈", "音乐", "美术", "民俗文化", "地方史", "健身气功", "户外运动", "无线电运动", "航模", "信鸽", "文明交通",
                                    "消费者权益", "环境保护", "民宿", "旅游", "酒店行业", "再生资源", "商业联合", "个体劳动者", "私营企业"]
    static let chambers = ["浙江", "福建", "温州", "潮汕", "江苏", "湖南", "安徽", "广东", "四川", "河南", "江西", "山东"]
    static let foundationAims = ["教育", "慈善", "助学", "公益", "文化", "乡村振兴", "助老", "环保", "青少年发展", "医疗救助"]
    static let nonprofits: [(String, [String])] = [
        ("卫生和社会工作", ["养老服务中心", "社会工作服务中心", "康复中心", "心理咨询服务中心", "医院", "护理院", "颐养院"]),
        ("文化体育和娱乐业", ["体育俱乐部", "艺术馆", "博物馆", "文化发展中心"]),
        ("科学研究和技术服务业", ["研究院", "科技服务中心"]),
        ("居民服务修理和其他服务业", ["社区服务中心", "家庭服务中心", "公益服务中心"]),
    ]
    static let schools = ["培训学校", "外国语学校", "幼儿园", "职业培训学校", "艺术学校", "实验学校", "双语幼儿园", "技工学校", "中学", "小学"]
    static let lawFirst = Array("正公明诚信德衡法理义天泰汇弘众君和方至合大东北南西")
    static let lawSecond = Array("衡正信诚义平达仁鼎同元和恒远邦言理")

    /// (brand, sector, district index or nil for city-wide, cover mode) — the sample's 30 platforms.
    enum CoverMode { case industry, functional, embeddedFunctional, none }
    static let platforms: [(String, Sector, Int?, CoverMode)] = [
        ("迅达快递", .courier, 0, .industry), ("饱饱外卖", .delivery, nil, .industry), ("畅行网约车", .rideHailing, nil, .industry),
        ("运通达货运", .truck, nil, .industry), ("星火直播基地", .streamer, 4, .industry),
        ("迅达快递", .courier, 2, .industry), ("饱饱外卖", .delivery, 2, .industry), ("顺途出行", .rideHailing, nil, .functional),
        ("满程货运", .truck, 2, .industry), ("青禾传媒", .streamer, nil, .embeddedFunctional),
        ("迅达快递", .courier, 4, .none), ("食刻达外卖", .delivery, nil, .none), ("安程约车", .rideHailing, nil, .industry),
        ("速配货运", .truck, 3, .none), ("播乐文化", .streamer, 0, .industry),
        ("云驰快递", .courier, nil, .industry), ("邻味外卖", .delivery, 0, .industry), ("易达专车", .rideHailing, 0, .functional),
        ("鑫途物流平台", .truck, nil, .industry), ("小鹿直播", .streamer, 1, .none),
        ("速邦快递", .courier, 1, .industry), ("香速送外卖", .delivery, 3, .industry), ("惠行出行", .rideHailing, 4, .industry),
        ("通衢货运", .truck, 5, .none), ("光影MCN", .streamer, nil, .none),
        ("速邦快递", .courier, 3, .none), ("小满外卖", .delivery, 5, .none), ("途安网约车", .rideHailing, 5, .none),
        ("鸿翼速运", .courier, nil, .industry), ("星驿快递", .courier, 5, .industry),
    ]
    static let workers: [Sector: (Int, Int)] = [.courier: (50, 800), .delivery: (100, 2000), .rideHailing: (100, 1500),
                                                .truck: (50, 600), .streamer: (10, 200)]
    static let sectorWord: [Sector: String] = [.courier: "快递员", .delivery: "外卖骑手", .rideHailing: "网约车司机",
                                               .truck: "货车司机", .streamer: "网络主播"]
    static let awards: [Sector: [String]] = [.courier: ["最美快递员", "优秀快递小哥"], .delivery: ["最美小蜜蜂", "优秀外卖骑手"],
                                             .rideHailing: ["红色方向盘", "文明网约车司机"], .truck: ["最美货车司机", "红色方向盘"],
                                             .streamer: ["正能量网络主播", "优秀网络主播"]]
    static let surveyNotes = ["", "", "", "站点负责人陪同摸排", "含新增加盟网点", "流动党员已纳入台账", "部分骑手为兼职"]

    static let hosts: [StationHostType] = [.supermarket, .bank, .pharmacy, .gasStation, .partyCenter, .courierOutlet, .communityCenter]
    static let hours = ["08:00-20:00", "08:30-18:00", "09:00-21:00", "07:30-22:00", "08:00-12:00,14:00-20:00", "09:00-12:00,13:30-18:30"]
    static let logNotes = ["高温天气骑手较多", "雨天避雨人员较多", "含外卖骑手集中休息", "冬季热饭需求大", "充电宝借用较多"]

    static let trainingHours: [TrainingType: [Double]] = [
        .secretaryRotation: [16, 20, 24, 32, 40], .course: [8, 12, 16, 24, 32, 40], .partyWorkerTraining: [8, 12, 16, 24],
        .thematicStudy: [4, 6, 8, 12, 16], .partyLecture: [1.5, 2, 2.5, 3], .outreachTalk: [1, 1.5, 2],
        .seminar: [2, 2.5, 3, 4], .quiz: [2, 2.5, 3]]
    static let trainingTitles: [TrainingType: [(String, String)]] = [
        .secretaryRotation: [("两新组织党组织书记轮训班", "党组织书记"), ("非公企业党组织书记轮训班", "党组织书记"),
                             ("社会组织党组织书记轮训班", "党组织书记")],
        .course: [("两新组织党员骨干学习培训班", "两新组织党员"), ("新任党组织书记培训班", "党组织书记"),
                  ("两新组织党组织书记和党务工作者培训班", "党组织书记、党务工作者"), ("发展对象培训班", "发展对象")],
        .partyWorkerTraining: [("两新组织党务工作者业务培训", "党务工作者"), ("党务工作者初级认证培训", "党务工作者"),
                               ("党务工作者中级认证培训", "党务工作者")],
        .thematicStudy: [("主题教育集中学习", "两新组织党员"), ("党纪学习教育集中学习", "两新组织党员"),
                         ("党组织书记读书班集中学习", "党组织书记")],
        .partyLecture: [("“七一”专题党课", "两新组织党员"), ("书记讲党课", "两新组织党员"), ("红色家风专题党课", "两新组织党员"),
                        ("党的创新理论专题党课", "两新组织党员")],
        .outreachTalk: [("党的二十大精神进网点宣讲", "新就业群体"), ("理论宣讲进商圈", "群众"), ("新就业群体“微宣讲”", "新就业群体"),
                        ("法治宣讲", "群众")],
        .seminar: [("党建引领企业发展专题研讨", "党组织书记"), ("社会组织党建工作专题研讨", "党务工作者"),
                   ("新就业群体党建专题研讨", "党组织书记")],
        .quiz: [("党章党规知识竞赛", "两新组织党员"), ("党史知识竞赛", "两新组织党员"), ("安全生产知识竞赛", "新就业群体")]]
    /// Sessions per type in a year, for a city of the sample's size (this year; last year is half).
    static let trainingPlan: [(TrainingType, Int)] = [
        (.secretaryRotation, 18), (.course, 24), (.partyWorkerTraining, 12), (.thematicStudy, 15), (.partyLecture, 50),
        (.outreachTalk, 42), (.seminar, 26), (.quiz, 11)]

    static let dimensions: [(String, Int)] = [("组织设置", 15), ("班子队伍", 20), ("党员管理", 15), ("组织生活", 20), ("阵地建设", 10), ("作用发挥", 20)]
    static let evidence = ["三会一课记录", "主题党日台账", "组织生活会记录", "民主评议表", "党建阵地照片", "党员发展材料", "党费收缴台账",
                           "先锋岗评选材料", "志愿服务记录"]
}
