import LiangxinModel

/// Every piece of UI text, in Chinese and English. Panels add their keys in their own section below, so the
/// whole vocabulary of the program can be read (and translated) in one file.
public enum Str: String, CaseIterable, Sendable {
    // MARK: chrome
    case appTitle, tabOverview, tabCoverage, tabOutreach, tabStations, tabTraining, tabStars
    case helpTitle, helpFooter, helpGlobal, helpPanel
    case keyHelp, keyQuit, keyNextTab, keyPrevTab, keySwitchTab, keyRedraw, keyRefresh
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
    // MARK: training (issue 6)
    // MARK: stars (issue 7)
    // MARK: export (issue 9)
    case exportedTo, exportFailed, keyExport

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
        case .exportedTo: return ("已导出到", "Exported to")
        case .exportFailed: return ("导出失败", "Export failed")
        case .keyExport: return ("导出屏幕上的行（CSV）", "Export the rows on screen (CSV)")
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
