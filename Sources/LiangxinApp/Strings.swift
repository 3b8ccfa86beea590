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
    // MARK: training (issue 6)
    case trViewSummary, trViewLedger, trViewSecretaries, trYearSuffix, trThrough, trTotals, trThisYear, trLastYearFull, trChange
    case trSessions, trPersonTimes, trHours, trByMonth, trByTypeMode, trMonth, trMonthSuffix, trLastYearPT, trSecretaryCoverage
    case trOfActiveOrgs, trConcentrated, trReachedHours, trRotation, trNewUntrained, trListNoConcentrated, trListUnderHours, trListNoRotation, trListNewUntrained
    case trDate, trTitle, trType, trMode, trOrganizer, trAudience, trRegion, trOrg, trSecretary
    case trAppointed, trLastTraining, trNoSecretary, trEndDate, trDays, trDetail, trAttendance, trHistory, trRole
    case trHeadCount, trRegistered, trName, trWho, trWhen, trWhat, trActInsert, trActUpdate, trActDelete
    case trActRestore, trNoSessions, trNoneMissing, trNoAttendance, trKeyView, trKeyYear, trKeyMove, trKeyPage, trKeyOpen
    case trKeyBack, trKeyFilter, trKeySort, trKeyAdd, trKeyEdit, trKeyDelete, trKeyCopy, trKeyExport, trKeyList
    case trKeyAttend, trKeyDeleteAttendance, trDeleteSessionQ, trDeleteAttendanceQ, trDelete, trCancel, trDeleted, trTypeCourse, trTypePartyLecture
    case trTypeThematicStudy, trTypeSeminar, trTypeOutreachTalk, trTypeQuiz, trTypeRotation, trTypePartyWorker, trModeOnline, trModeOffline, trModeBlended
    case trRoleSecretary, trRoleCommittee, trRoleMember, trRolePublic, trSessionWord, trConcShort, trRotShort, trListHint
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
        // MARK: training (issue 6)
        case .trViewSummary: return ("概况", "Summary")
        case .trViewLedger: return ("台账", "Sessions")
        case .trViewSecretaries: return ("书记培训", "Secretaries")
        case .trYearSuffix: return ("年", "")
        case .trThrough: return ("截至", "to")
        case .trTotals: return ("培训总量", "Totals")
        case .trThisYear: return ("本年", "This year")
        case .trLastYearFull: return ("上年全年", "Last year")
        case .trChange: return ("较上年", "Change")
        case .trSessions: return ("场次", "Sessions")
        case .trPersonTimes: return ("人次", "Person-times")
        case .trHours: return ("学时", "Hours")
        case .trByMonth: return ("逐月", "By month")
        case .trByTypeMode: return ("按类型与形式", "By type and mode")
        case .trMonth: return ("月份", "Month")
        case .trMonthSuffix: return ("月", "")
        case .trLastYearPT: return ("上年人次", "Last yr")
        case .trSecretaryCoverage: return ("书记培训", "Secretary training")
        case .trOfActiveOrgs: return ("在册党组织", "active organizations")
        case .trConcentrated: return ("参加集中培训", "Concentrated course")
        case .trReachedHours: return ("满56学时", "56 hours or more")
        case .trRotation: return ("参加书记轮训", "Rotation attended")
        case .trNewUntrained: return ("任职超6个月未训", "New, untrained 6 mo.")
        case .trListNoConcentrated: return ("未参加集中培训的书记", "Secretaries without a concentrated course")
        case .trListUnderHours: return ("未满56学时的书记", "Secretaries under 56 hours")
        case .trListNoRotation: return ("未参加书记轮训的书记", "Secretaries without a rotation")
        case .trListNewUntrained: return ("任职超过6个月仍未参训的书记", "Appointed over 6 months ago, not trained since")
        case .trDate: return ("日期", "Date")
        case .trTitle: return ("培训名称", "Title")
        case .trType: return ("类型", "Type")
        case .trMode: return ("形式", "Mode")
        case .trOrganizer: return ("主办单位", "Organizer")
        case .trAudience: return ("培训对象", "Audience")
        case .trRegion: return ("地区", "Region")
        case .trOrg: return ("党组织", "Organization")
        case .trSecretary: return ("书记", "Secretary")
        case .trAppointed: return ("任职日期", "Appointed")
        case .trLastTraining: return ("最近参训", "Last trained")
        case .trNoSecretary: return ("（未配备）", "(vacant)")
        case .trEndDate: return ("结束日期", "End date")
        case .trDays: return ("天数", "Days")
        case .trDetail: return ("培训详情", "Session")
        case .trAttendance: return ("参训人员", "Attendance")
        case .trHistory: return ("修改记录", "History")
        case .trRole: return ("身份", "Role")
        case .trHeadCount: return ("人数", "Count")
        case .trRegistered: return ("登记人数", "Registered")
        case .trName: return ("姓名", "Name")
        case .trWho: return ("操作人", "By")
        case .trWhen: return ("时间", "When")
        case .trWhat: return ("修改", "Change")
        case .trActInsert: return ("新增", "added")
        case .trActUpdate: return ("修改", "changed")
        case .trActDelete: return ("删除", "deleted")
        case .trActRestore: return ("恢复", "restored")
        case .trNoSessions: return ("（没有培训记录；按 a 新增）", "(no sessions; press a to add one)")
        case .trNoneMissing: return ("（无：全部达标）", "(none: all met)")
        case .trNoAttendance: return ("（未登记参训人员；按 a 登记）", "(no attendance recorded; press a to add)")
        case .trKeyView: return ("切换视图：概况 / 台账 / 书记培训", "Switch view: summary / sessions / secretaries")
        case .trKeyYear: return ("上一年 / 下一年", "Previous / next year")
        case .trKeyMove: return ("移动", "Move")
        case .trKeyPage: return ("翻页 / 首行 / 末行", "Page / first / last")
        case .trKeyOpen: return ("打开所选培训的详情", "Open the selected session")
        case .trKeyBack: return ("返回", "Back")
        case .trKeyFilter: return ("筛选（Enter保留，Esc清除）", "Filter (Enter keeps, Esc clears)")
        case .trKeySort: return ("按下一列排序 / 倒序", "Sort by next column / reverse")
        case .trKeyAdd: return ("新增培训（可同时选择参训书记）", "Add a session (with its secretaries)")
        case .trKeyEdit: return ("修改所选培训", "Edit the selected session")
        case .trKeyDelete: return ("删除（需确认）", "Delete (asks first)")
        case .trKeyCopy: return ("以所选培训为模板复制（新日期）", "Copy the selected session as a template (new date)")
        case .trKeyExport: return ("导出屏幕上的清单", "Export the list on screen")
        case .trKeyList: return ("切换书记清单", "Next secretary list")
        case .trKeyAttend: return ("登记参训人员（书记、党组织、人数）", "Add attendees (secretaries, organizations, counts)")
        case .trKeyDeleteAttendance: return ("删除所选参训记录（需确认）", "Delete the selected attendance row (asks first)")
        case .trDeleteSessionQ: return ("删除这次培训及其全部参训记录？", "Delete this session and all its attendance?")
        case .trDeleteAttendanceQ: return ("删除这条参训记录？", "Delete this attendance row?")
        case .trDelete: return ("删除", "Delete")
        case .trCancel: return ("取消", "Cancel")
        case .trDeleted: return ("已删除：", "Deleted: ")
        case .trTypeCourse: return ("学习培训班", "Course")
        case .trTypePartyLecture: return ("专题党课", "Party lecture")
        case .trTypeThematicStudy: return ("主题教育集中学习", "Thematic study")
        case .trTypeSeminar: return ("专题研讨", "Seminar")
        case .trTypeOutreachTalk: return ("宣讲", "Outreach talk")
        case .trTypeQuiz: return ("知识竞赛", "Quiz")
        case .trTypeRotation: return ("书记轮训", "Secretary rotation")
        case .trTypePartyWorker: return ("党务工作者培训", "Party-worker training")
        case .trModeOnline: return ("线上", "Online")
        case .trModeOffline: return ("线下", "Offline")
        case .trModeBlended: return ("线上+线下", "Blended")
        case .trRoleSecretary: return ("书记", "Secretary")
        case .trRoleCommittee: return ("委员", "Committee")
        case .trRoleMember: return ("党员", "Member")
        case .trRolePublic: return ("群众", "Public")
        case .trSessionWord: return ("培训", "session")
        case .trConcShort: return ("集中", "Conc")
        case .trRotShort: return ("轮训", "Rot")
        case .trListHint: return ("f 下一清单", "f next list")
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
