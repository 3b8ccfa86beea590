import LiangxinModel

/// Every piece of UI text, in Chinese and English. Panels add their keys in their own section below, so the
/// whole vocabulary of the program can be read (and translated) in one file.
public enum Str: String, CaseIterable, Sendable {
    // MARK: chrome
    case appTitle, tabOverview, tabCoverage, tabOutreach, tabStations, tabTraining, tabStars
    case helpTitle, helpFooter, helpGlobal, helpPanel
    case keyHelp, keyUndo, keyQuit, keyNextTab, keyPrevTab, keySwitchTab, keyRedraw, keyRefresh
    case statusHint, tooSmall, tooSmallDetail, pendingPanel, refreshed, readOnly
    case quitConfirm
    // MARK: overview
    case ovCoverage, ovOrgs, ovStations, ovTraining, ovStars, ovOutreach, ovFindings
    case ovCategory, ovUnits, ovOrgRate, ovWorkRate, ovOwnRate, ovChange, ovVsLastYear
    case ovUnitsTotal, ovUnitsInScope, ovOrgsActive, ovOrgsWeak, ovFullMembers, ovProbationary, ovInstructors
    case ovStationsRunning, ovServicesYear, ovByMonth, ovSessions, ovPersonTimes, ovHours, ovLastYear
    case ovStarCoverage, ovUnrated, ovPlatforms, ovWorkers, ovMembersFound, ovActivities, ovScope
    case fShouldForm, fBlindSpot, fJointTooWide, fBranchTooLarge, fPlannedPassed, fWeakOrg, fIdleStation, fStationMissingBasic
    // MARK: coverage (issue 3)
    // MARK: outreach (issue 4)
    // MARK: stations (issue 5)
    case stViewRegister, stViewSummary, stViewFindings, stViewHint, stDetailHint
    case stRegisterTitle, stStationsCount, stRunningCount, stOnly
    case stColName, stColKind, stColRegion, stColHost, stColAddress, stColHours, stColServices, stColStatus
    case stColMonth, stColYear, stColLast, stColFinding, stColDetail
    case stLegend, stEmpty, stEmptyFindings
    case stFindIdle, stFindMissing, stFindNoContact, stFindIdleShort, stFindMissingShort, stFindNoContactShort
    case stNeverLogged, stDaysAgo, stToday, stMissingList, stNoContactName, stNoContactPhone
    case stMatrixTitle, stMatrixRunning, stByRegion, stByKind, stByMonth, stOpen24h, stNoRunning, stNone, stTotal
    case stServicesMonth, stServicesYear, stMonthSuffix, stFindingsBlock
    case stDetailTitle, stFieldKind, stFieldRegion, stFieldHost, stFieldAddress, stFieldContact, stFieldHours
    case stFieldServices, stFieldOpened, stFieldStatus, stFieldReason, stMissingBasic, stLast12, stPeak
    case stLogs, stHistory, stLogDate, stLogCount, stLogNote, stNoLogs, stNoHistory
    case stHInsert, stHUpdate, stHDelete, stHRestore
    case stQuickTitle, stQuickPrompt, stQuickHint, stQuickSaved, stQuickBadCount, stQuickBadDate, stQuickSameDay
    case stDeleteRefused, stDeleteConfirm, stDeleted, stDeleteLogConfirm, stLogDeleted, stYes, stNo, stNothingSelected
    case stKeyView, stKeyMove, stKeyOpen, stKeyFilter, stKeySort, stKeyQuickLog, stKeyAdd, stKeyStatus, stKeyExport
    case stKeyMoveLogs, stKeyLogs, stKeyEditStation, stKeyExportLogs, stKeyBack
    case stKindLove, stKindWarmHeart, stKindWarmNew, stKindRed, stKindPartyMass
    case stSvcRest, stSvcWater, stSvcCharging, stSvcHotMeal, stSvcToilet, stSvcHeatingCooling, stSvcFirstAid
    case stSvcUmbrella, stSvcReading, stSvcRepairTools, stSvcWifi, stSvcTalk
    // MARK: training (issue 6)
    // MARK: stars (issue 7)

    public func text(_ lang: Lang) -> String {
        let (zh, en) = pair
        return lang == .en ? en : zh
    }

    var pair: (String, String) {
        switch self {
        case .appTitle: return ("两新党建看板", "Liangxin")
        case .tabOverview: return ("总览", "Overview")
        case .tabCoverage: return ("覆盖", "Coverage")
        case .tabOutreach: return ("新就业群体", "Outreach")
        case .tabStations: return ("驿站", "Stations")
        case .tabTraining: return ("培训", "Training")
        case .tabStars: return ("星级", "Stars")
        case .helpTitle: return ("帮助", "Help")
        case .helpFooter: return ("按任意键关闭", "Press any key to close")
        case .helpGlobal: return ("全局", "Global")
        case .helpPanel: return ("本面板", "This panel")
        case .keyHelp: return ("显示或关闭帮助", "Show or hide help")
        case .keyQuit: return ("退出", "Quit")
        case .keyUndo: return ("撤销本次会话的上一次修改", "Undo the last change of this session")
        case .keyNextTab: return ("下一个面板", "Next panel")
        case .keyPrevTab: return ("上一个面板", "Previous panel")
        case .keySwitchTab: return ("切换到第N个面板", "Switch to panel N")
        case .keyRedraw: return ("重绘屏幕", "Redraw the screen")
        case .keyRefresh: return ("重新读取数据", "Reload the data")
        case .statusHint: return ("?帮助 1-6面板 Tab切换 q退出", "? help  1-6 panels  Tab next  q quit")
        case .tooSmall: return ("终端太小", "Terminal too small")
        case .tooSmallDetail: return ("至少需要80×24，当前", "Needs at least 80×24, now")
        case .pendingPanel: return ("此面板尚在建设中，见议题", "This panel is not built yet; see issue")
        case .refreshed: return ("已重新读取数据", "Data reloaded")
        case .readOnly: return ("只读", "read-only")
        case .quitConfirm: return ("确定退出？", "Quit?")
        case .ovCoverage: return ("两个覆盖", "Coverage")
        case .ovOrgs: return ("组织与党员", "Organizations and members")
        case .ovStations: return ("爱心驿站", "Care stations")
        case .ovTraining: return ("教育培训", "Training")
        case .ovStars: return ("星级评定", "Star levels")
        case .ovOutreach: return ("新就业群体", "New employment groups")
        case .ovFindings: return ("问题清单", "Findings")
        case .ovCategory: return ("类别", "Category")
        case .ovUnits: return ("单位数", "Units")
        case .ovOrgRate: return ("党组织覆盖率", "Org coverage")
        case .ovWorkRate: return ("工作覆盖率", "Work coverage")
        case .ovOwnRate: return ("单独组建率", "Own-org rate")
        case .ovChange: return ("较上年", "vs last yr")
        case .ovVsLastYear: return ("较上年", "vs last year")
        case .ovUnitsTotal: return ("单位总数", "Units in ledger")
        case .ovUnitsInScope: return ("统计范围内", "Units in scope")
        case .ovOrgsActive: return ("党组织（在册）", "Party organizations")
        case .ovOrgsWeak: return ("软弱涣散", "Weak or lax")
        case .ovFullMembers: return ("正式党员", "Full members")
        case .ovProbationary: return ("预备党员（新发展）", "Probationary (new)")
        case .ovInstructors: return ("党建指导员", "Instructors")
        case .ovStationsRunning: return ("运行驿站", "Stations running")
        case .ovServicesYear: return ("本年服务", "Services this year")
        case .ovByMonth: return ("逐月", "By month")
        case .ovSessions: return ("本年场次", "Sessions this year")
        case .ovPersonTimes: return ("人次", "Person-times")
        case .ovHours: return ("学时", "Hours")
        case .ovLastYear: return ("上年", "Last year")
        case .ovStarCoverage: return ("星级覆盖率", "Star coverage")
        case .ovUnrated: return ("未定级", "Unrated")
        case .ovPlatforms: return ("平台品牌", "Platforms")
        case .ovWorkers: return ("从业人员", "Workers")
        case .ovMembersFound: return ("发现党员", "Members found")
        case .ovActivities: return ("本年活动", "Activities this year")
        case .ovScope: return ("统计范围", "Scope")
        case .fShouldForm: return ("应建未建单位", "Should form, has not")
        case .fBlindSpot: return ("无组织无指导员", "No org, no instructor")
        case .fJointTooWide: return ("联合党支部超5家", "Joint branches > 5 units")
        case .fBranchTooLarge: return ("党支部超50人", "Branches > 50 members")
        case .fPlannedPassed: return ("拟建日期已过", "Planned date passed")
        case .fWeakOrg: return ("软弱涣散党组织", "Weak or lax orgs")
        case .fIdleStation: return ("驿站30天无服务", "Stations idle 30 days")
        case .fStationMissingBasic: return ("驿站缺基本服务", "Stations missing basics")
        // MARK: stations (issue 5)
        case .stViewRegister: return ("登记表", "Register")
        case .stViewSummary: return ("汇总", "Summary")
        case .stViewFindings: return ("问题清单", "Findings")
        case .stViewHint: return ("v切换视图 f问题 l快速登记 a新增", "v view  f findings  l quick-log  a add")
        case .stDetailHint: return ("Esc返回 l快速登记 a记录 m编辑 p暂停", "Esc back  l quick-log  a entry  m edit  p pause")
        case .stRegisterTitle: return ("驿站登记表", "Care stations")
        case .stStationsCount: return ("共{}处", "{} stations")
        case .stRunningCount: return ("运行{}", "{} running")
        case .stOnly: return ("只看", "only")
        case .stColName: return ("名称", "Name")
        case .stColKind: return ("类型", "Kind")
        case .stColRegion: return ("地区", "Region")
        case .stColHost: return ("承办单位", "Host")
        case .stColAddress: return ("地址", "Address")
        case .stColHours: return ("开放时间", "Hours")
        case .stColServices: return ("服务项目", "Services")
        case .stColStatus: return ("状态", "Stat")
        case .stColMonth: return ("本月", "Month")
        case .stColYear: return ("本年", "Year")
        case .stColLast: return ("最近服务", "Last")
        case .stColFinding: return ("问题", "Finding")
        case .stColDetail: return ("详情", "Detail")
        case .stLegend: return ("服务：休饮充热厕暖药伞书修网谈 {}有 {}缺基本 {}无", "services: rest water charge meal WC temp aid umbr read tools wifi talk {} has {} lacks basic {} no")
        case .stEmpty: return ("（没有符合条件的驿站）", "(no station matches)")
        case .stEmptyFindings: return ("（没有问题）", "(no findings)")
        case .stFindIdle: return ("超过{}天无服务", "Idle over {} days")
        case .stFindMissing: return ("缺基本服务", "Missing basics")
        case .stFindNoContact: return ("无联系人或电话", "No contact")
        case .stFindIdleShort: return ("超{}天无服务", "Idle >{}d")
        case .stFindMissingShort: return ("缺基本服务", "Lacks basics")
        case .stFindNoContactShort: return ("无联系人", "No contact")
        case .stNeverLogged: return ("从未登记服务", "never logged")
        case .stDaysAgo: return ("{}天前", "{} days ago")
        case .stToday: return ("今天", "today")
        case .stMissingList: return ("缺：{}", "lacks: {}")
        case .stNoContactName: return ("未填联系人", "no contact name")
        case .stNoContactPhone: return ("未填联系电话", "no contact phone")
        case .stMatrixTitle: return ("服务项目 · 提供该项服务的运行驿站数", "Services · running stations offering each")
        case .stMatrixRunning: return ("运行", "Run")
        case .stByRegion: return ("按地区 · 运行/总数", "By region · run/all")
        case .stByKind: return ("按类型 · 运行/总数", "By kind · run/all")
        case .stByMonth: return ("逐月服务次数", "Services by month")
        case .stOpen24h: return ("24小时开放", "Open 24h")
        case .stNoRunning: return ("无运行驿站的地区", "No station running in")
        case .stNone: return ("无", "none")
        case .stTotal: return ("合计", "Total")
        case .stServicesMonth: return ("本月服务", "This month")
        case .stServicesYear: return ("本年服务", "This year")
        case .stMonthSuffix: return ("月", "")
        case .stFindingsBlock: return ("问题", "Findings")
        case .stDetailTitle: return ("驿站详情", "Station")
        case .stFieldKind: return ("类型", "Kind")
        case .stFieldRegion: return ("地区", "Region")
        case .stFieldHost: return ("承办", "Host")
        case .stFieldAddress: return ("地址", "Address")
        case .stFieldContact: return ("联系", "Contact")
        case .stFieldHours: return ("开放", "Hours")
        case .stFieldServices: return ("服务", "Services")
        case .stFieldOpened: return ("启用", "Opened")
        case .stFieldStatus: return ("状态", "Status")
        case .stFieldReason: return ("原因", "Reason")
        case .stMissingBasic: return ("缺基本服务：", "lacks: ")
        case .stLast12: return ("近12个月", "12 months")
        case .stPeak: return ("最多", "peak")
        case .stLogs: return ("服务记录", "Service log")
        case .stHistory: return ("修改记录", "Change history")
        case .stLogDate: return ("日期", "Date")
        case .stLogCount: return ("次数", "Count")
        case .stLogNote: return ("备注", "Note")
        case .stNoLogs: return ("（无服务记录）", "(nothing logged)")
        case .stNoHistory: return ("（无修改记录）", "(no changes recorded)")
        case .stHInsert: return ("新增", "added")
        case .stHUpdate: return ("修改", "changed")
        case .stHDelete: return ("删除", "deleted")
        case .stHRestore: return ("恢复", "restored")
        case .stQuickTitle: return ("快速登记服务", "Quick log")
        case .stQuickPrompt: return ("日期 次数 [备注]：", "date count [note]: ")
        case .stQuickHint: return ("输入次数后按Enter保存，Esc取消；日期可改，如 11-20 35", "type the count, Enter saves, Esc cancels; the date may be changed, e.g. 11-20 35")
        case .stQuickSaved: return ("已登记：{} {} ×{}（本月{}）", "Logged: {} {} ×{} (month {})")
        case .stQuickBadCount: return ("次数：请在日期后输入正整数，如 2026-11-22 35", "Count: type a whole number after the date, e.g. 2026-11-22 35")
        case .stQuickBadDate: return ("日期：“{}”不是有效日期（YYYY-MM-DD 或 MM-DD）", "Date: “{}” is not a real date (YYYY-MM-DD or MM-DD)")
        case .stQuickSameDay: return ("；当天另有{}次", "; {} already logged that day")
        case .stDeleteRefused: return ("“{}”有{}条服务记录，不能删除；停用请按 p 撤销（保留历史）", "“{}” has {} log entries and cannot be deleted; press p to close it (history kept)")
        case .stDeleteConfirm: return ("删除驿站“{}”？", "Delete station “{}”?")
        case .stDeleted: return ("已删除：{}", "Deleted: {}")
        case .stDeleteLogConfirm: return ("删除 {} ×{} 这条服务记录？", "Delete the entry {} ×{}?")
        case .stLogDeleted: return ("已删除服务记录 {} ×{}", "Deleted the entry {} ×{}")
        case .stYes: return ("删除", "Delete")
        case .stNo: return ("取消", "Cancel")
        case .stNothingSelected: return ("没有选中的驿站", "No station selected")
        case .stKeyView: return ("切换视图：登记表 / 汇总 / 问题清单", "Switch view: register / summary / findings")
        case .stKeyMove: return ("移动、翻页、首尾；鼠标点击选中一行", "Move, page, first/last; a click selects a row")
        case .stKeyOpen: return ("打开驿站详情 / 清除筛选", "Open the station / clear the filters")
        case .stKeyFilter: return ("筛选（Enter保留，Esc清除）/ 只看某类问题", "Filter (Enter keeps, Esc clears) / one finding list")
        case .stKeySort: return ("按下一列排序 / 倒序", "Sort by the next column / reverse")
        case .stKeyQuickLog: return ("快速登记服务次数，登记后移到下一处", "Quick-log services, then move to the next")
        case .stKeyAdd: return ("新增 / 编辑 / 删除驿站（有服务记录的不能删）", "Add / edit / delete a station (not one with a log)")
        case .stKeyStatus: return ("暂停、撤销或恢复运行（须说明原因）", "Pause, close or resume (with a reason)")
        case .stKeyExport: return ("导出当前列表为CSV", "Export the list as CSV")
        case .stKeyMoveLogs: return ("在服务记录中移动、翻页", "Move in the service log")
        case .stKeyLogs: return ("新增 / 编辑 / 删除服务记录", "Add / edit / delete a log entry")
        case .stKeyEditStation: return ("编辑驿站 / 暂停、撤销或恢复", "Edit the station / pause, close or resume")
        case .stKeyExportLogs: return ("导出服务记录为CSV", "Export the service log as CSV")
        case .stKeyBack: return ("返回列表", "Back to the list")
        case .stKindLove: return ("爱心", "Love")
        case .stKindWarmHeart: return ("暖心", "Warm")
        case .stKindWarmNew: return ("暖新", "WNew")
        case .stKindRed: return ("红色", "Red")
        case .stKindPartyMass: return ("党群", "PMas")
        case .stSvcRest: return ("休息", "Rest")
        case .stSvcWater: return ("饮水", "Watr")
        case .stSvcCharging: return ("充电", "Chrg")
        case .stSvcHotMeal: return ("热饭", "Meal")
        case .stSvcToilet: return ("如厕", "WC")
        case .stSvcHeatingCooling: return ("冷暖", "Temp")
        case .stSvcFirstAid: return ("药箱", "Aid")
        case .stSvcUmbrella: return ("雨具", "Umbr")
        case .stSvcReading: return ("阅读", "Read")
        case .stSvcRepairTools: return ("维修", "Tool")
        case .stSvcWifi: return ("WiFi", "WiFi")
        case .stSvcTalk: return ("倾诉", "Talk")
        }
    }
}

extension OverviewFinding {
    var str: Str {
        switch self {
        case .shouldForm: return .fShouldForm
        case .blindSpot: return .fBlindSpot
        case .jointTooWide: return .fJointTooWide
        case .branchTooLarge: return .fBranchTooLarge
        case .plannedPassed: return .fPlannedPassed
        case .weakOrg: return .fWeakOrg
        case .idleStation: return .fIdleStation
        case .stationMissingBasic: return .fStationMissingBasic
        }
    }
}

import LiangxinStore
public typealias OverviewFinding = OverviewData.Finding

extension CoverageGroup {
    public func label(_ lang: Lang) -> String {
        guard lang == .en else { return label }
        switch self {
        case .all: return "All units"
        case .enterprise: return "Non-public enterprises"
        case .privateEnterprise: return "Private enterprises"
        case .foreignInvested: return "Foreign-invested"
        case .acfic: return "ACFIC members"
        case .small: return "Small & individual"
        case .individualBusiness: return "Individual businesses"
        case .market: return "Markets"
        case .social: return "Social organizations"
        case .association: return "Associations"
        case .foundation: return "Foundations"
        case .nonprofit: return "Private non-enterprise"
        case .school: return "Private schools"
        case .intermediary: return "Intermediaries"
        case .lawFirm: return "Law firms"
        case .accountingFirm: return "Accounting firms"
        case .taxFirm: return "Tax firms"
        case .courierDeliveryRide: return "Courier/delivery/ride-hailing"
        }
    }
}
