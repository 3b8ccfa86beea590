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
    case cvRegions, cvCategories, cvUnits, cvForms, cvDetail, cvScope, cvTargets, cvChangeScope, cvTotal, cvPercentNote
    case cvColRegion, cvColCategory, cvColUnits, cvColOwn, cvColJoint, cvColIndustry, cvColWorkOnly, cvColUncovered
    case cvColOrgRate, cvColOwnRate, cvColWorkRate, cvColChange, cvColWorkChange
    case cvColOwnShort, cvColJointShort, cvColIndustryShort, cvColOrgRateShort, cvColOwnRateShort, cvColWorkRateShort
    case cvColName, cvColStaff, cvColMembers, cvColCoverage, cvColOrg, cvColInstructor, cvColPlanned, cvColRow
    case cvClassOwn, cvClassJoint, cvClassIndustry, cvClassWorkOnly, cvClassUncovered
    case cvFShouldForm, cvFBlindSpot, cvFJointTooWide, cvFBranchTooLarge, cvFPlannedPassed
    case cvFJointTooWideShort, cvFBranchTooLargeShort, cvFPlannedPassedShort, cvFindingOrgs, cvUnitsCount
    case cvKeyMove, cvKeyEnter, cvKeyBack, cvKeyView, cvKeyFilter, cvKeySort, cvKeyFindings
    case cvKeyAdd, cvKeyEdit, cvKeyOrg, cvKeyInstructor, cvKeyAssign, cvKeyDelete, cvKeyScope, cvKeyExport, cvKeyHints
    case cvUnit, cvOrg, cvInstructor, cvHistory, cvNoOrg, cvNoInstructor, cvCoCovered, cvCoCoveredShort, cvMore, cvNoHistory, cvOutOfScope
    case cvFieldName, cvFieldCode, cvFieldCategory, cvFieldIndustry, cvFieldRegion, cvFieldAddress, cvFieldStaff
    case cvFieldMembers, cvFieldLegalRep, cvFieldAcfic, cvFieldSector, cvFieldCoverage, cvFieldFindings, cvFieldReason
    case cvFieldPlanned, cvFieldRegistered, cvFieldStatus, cvFieldOrgType, cvFieldParent, cvFieldSecretary, cvFieldFounded
    case cvFieldOrgStatus, cvFieldPhone, cvFieldEmployer, cvFieldFullTime, cvFieldVisits, cvFieldLinkedUnits, cvFieldSince
    case cvYes, cvNo, cvFullTime, cvPartTime
    case cvConfirmDeleteTitle, cvDeleteWhich, cvDeleteUnit, cvDeleteOrg, cvDeleteInstructor, cvCancel, cvDelete
    case cvDeleted, cvDeleteBlocked, cvNoSelection, cvActionInsert, cvActionUpdate, cvActionDelete, cvActionRestore
    // MARK: outreach (issue 4)
    // MARK: stations (issue 5)
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
        // coverage (issue 3)
        case .cvRegions: return ("地区", "By region")
        case .cvCategories: return ("类别", "By category")
        case .cvUnits: return ("单位", "Units")
        case .cvForms: return ("统计表", "Statistics forms")
        case .cvDetail: return ("单位详情", "Unit detail")
        case .cvScope: return ("统计范围", "Scope")
        case .cvTargets: return ("目标", "Targets")
        case .cvChangeScope: return ("c 修改", "c change")
        case .cvTotal: return ("合计", "total")
        case .cvPercentNote: return ("率为%", "rates in %")
        case .cvColRegion: return ("地区", "Region")
        case .cvColCategory: return ("类别", "Category")
        case .cvColUnits: return ("单位数", "Units")
        case .cvColOwn: return ("单独组建", "Own")
        case .cvColJoint: return ("联合组建", "Joint")
        case .cvColIndustry: return ("行业统建", "Industry")
        case .cvColWorkOnly: return ("仅工作覆盖", "Work only")
        case .cvColUncovered: return ("未覆盖", "Uncovered")
        case .cvColOrgRate: return ("党组织覆盖率", "Org coverage")
        case .cvColOwnRate: return ("单独组建率", "Own-org rate")
        case .cvColWorkRate: return ("工作覆盖率", "Work coverage")
        case .cvColChange: return ("较上年", "vs last yr")
        case .cvColWorkChange: return ("较上年", "vs last yr")
        case .cvColOwnShort: return ("单独", "Own")
        case .cvColJointShort: return ("联合", "Jnt")
        case .cvColIndustryShort: return ("统建", "Ind")
        case .cvColOrgRateShort: return ("党组织覆盖率%", "Org cov. %")
        case .cvColOwnRateShort: return ("单独率", "Own%")
        case .cvColWorkRateShort: return ("工作率", "Work%")
        case .cvColName: return ("单位名称", "Name")
        case .cvColStaff: return ("职工", "Staff")
        case .cvColMembers: return ("党员", "Memb")
        case .cvColCoverage: return ("覆盖", "Cover")
        case .cvColOrg: return ("党组织", "Party org")
        case .cvColInstructor: return ("指导员", "Instr.")
        case .cvColPlanned: return ("拟建日期", "Planned")
        case .cvColRow: return ("项目", "Item")
        case .cvClassOwn: return ("单独", "own")
        case .cvClassJoint: return ("联合", "joint")
        case .cvClassIndustry: return ("统建", "industry")
        case .cvClassWorkOnly: return ("仅工作", "work")
        case .cvClassUncovered: return ("未覆盖", "none")
        case .cvFShouldForm: return ("应建未建", "Should form")
        case .cvFBlindSpot: return ("无组织无指导员", "No org, no instructor")
        case .cvFJointTooWide: return ("联合党支部超5家", "Joint branch > 5 units")
        case .cvFBranchTooLarge: return ("党支部超50人", "Branch > 50 members")
        case .cvFPlannedPassed: return ("拟建日期已过", "Planned date passed")
        case .cvFJointTooWideShort: return ("联合超5家", "joint>5")
        case .cvFBranchTooLargeShort: return ("支部超50人", "branch>50")
        case .cvFPlannedPassedShort: return ("拟建已过", "planned passed")
        case .cvFindingOrgs: return ("个党组织", " party orgs")
        case .cvUnitsCount: return ("家单位", " units")
        case .cvKeyMove: return ("移动、翻页（Home/End首尾，鼠标点击选中）", "Move, page (Home/End, mouse click selects)")
        case .cvKeyEnter: return ("下钻地区 / 打开单位详情", "Drill down / open the unit")
        case .cvKeyBack: return ("返回上一级", "Back up")
        case .cvKeyView: return ("切换视图：地区、类别、单位、统计表（←→换表）", "Switch view: regions, categories, units, forms (←→ other form)")
        case .cvKeyFilter: return ("按名称、代码、党组织、指导员筛选（Enter保留，Esc清除）", "Filter by name, code, org, instructor (Enter keeps, Esc clears)")
        case .cvKeySort: return ("按下一列排序 / 反向排序", "Sort by the next column / reverse")
        case .cvKeyFindings: return ("依次切换问题清单", "Cycle through the findings lists")
        case .cvKeyAdd: return ("新增单位", "Add a unit")
        case .cvKeyEdit: return ("修改所选单位", "Modify the selected unit")
        case .cvKeyOrg: return ("所选单位的党组织（没有则新建）/ 新建党组织", "The unit's party organization (new if none) / a new one")
        case .cvKeyInstructor: return ("所选单位的指导员（没有则新建）/ 新建指导员", "The unit's instructor (new if none) / a new one")
        case .cvKeyAssign: return ("为所选单位分配党组织和指导员", "Assign a party organization or instructor to the unit")
        case .cvKeyDelete: return ("删除（先确认，可用u撤销）", "Delete (asks first; u undoes)")
        case .cvKeyScope: return ("修改统计范围和目标覆盖率", "Change the scope rule and target rates")
        case .cvKeyExport: return ("导出当前表格为CSV", "Export the table as CSV")
        case .cvKeyHints: return ("v视图 /筛选 a新增 ?帮助", "v view  / filter  a add  ? help")
        case .cvUnit: return ("单位", "Unit")
        case .cvOrg: return ("党组织", "Party organization")
        case .cvInstructor: return ("党建指导员", "Instructor")
        case .cvHistory: return ("修改记录", "Change history")
        case .cvNoOrg: return ("未纳入党组织（p 新建，A 分配）", "No party organization (p new, A assign)")
        case .cvNoInstructor: return ("未联系党建指导员（i 新建，A 分配）", "No instructor (i new, A assign)")
        case .cvCoCovered: return ("同一党组织覆盖的其他单位", "Other units it covers")
        case .cvCoCoveredShort: return ("同组织单位", "Same org")
        case .cvMore: return ("另有", "and more:")
        case .cvNoHistory: return ("（无记录）", "(none)")
        case .cvOutOfScope: return ("不在统计范围内", "out of scope")
        case .cvFieldName: return ("名称", "Name")
        case .cvFieldCode: return ("信用代码", "Credit code")
        case .cvFieldCategory: return ("类别", "Category")
        case .cvFieldIndustry: return ("行业", "Industry")
        case .cvFieldRegion: return ("地区", "Region")
        case .cvFieldAddress: return ("地址", "Address")
        case .cvFieldStaff: return ("在岗职工", "Staff")
        case .cvFieldMembers: return ("正式/预备党员", "Full/prob. members")
        case .cvFieldLegalRep: return ("法人党员/工商联", "Legal rep/ACFIC")
        case .cvFieldAcfic: return ("工商联会员", "ACFIC member")
        case .cvFieldSector: return ("新就业群体行业", "Sector")
        case .cvFieldCoverage: return ("覆盖情况", "Coverage")
        case .cvFieldFindings: return ("问题", "Findings")
        case .cvFieldReason: return ("未建原因/拟建", "Reason/planned")
        case .cvFieldPlanned: return ("拟建日期", "Planned date")
        case .cvFieldRegistered: return ("登记/状态", "Registered/status")
        case .cvFieldStatus: return ("状态", "Status")
        case .cvFieldOrgType: return ("类型/组建方式", "Type/formation")
        case .cvFieldParent: return ("上级党组织", "Parent")
        case .cvFieldSecretary: return ("书记", "Secretary")
        case .cvFieldFounded: return ("成立日期", "Founded")
        case .cvFieldOrgStatus: return ("状态/星级", "Status/stars")
        case .cvFieldPhone: return ("电话", "Phone")
        case .cvFieldEmployer: return ("工作单位", "Employer")
        case .cvFieldFullTime: return ("专兼职/走访", "Full-time/visits")
        case .cvFieldVisits: return ("走访频次", "Visits")
        case .cvFieldLinkedUnits: return ("联系单位", "Units linked")
        case .cvFieldSince: return ("联系起始", "Since")
        case .cvYes: return ("是", "yes")
        case .cvNo: return ("否", "no")
        case .cvFullTime: return ("专职", "full-time")
        case .cvPartTime: return ("兼职", "part-time")
        case .cvConfirmDeleteTitle: return ("确认删除", "Confirm delete")
        case .cvDeleteWhich: return ("删除哪一项？", "Delete which?")
        case .cvDeleteUnit: return ("单位", "Unit")
        case .cvDeleteOrg: return ("党组织", "Party org")
        case .cvDeleteInstructor: return ("指导员", "Instructor")
        case .cvCancel: return ("取消", "Cancel")
        case .cvDelete: return ("删除", "Delete")
        case .cvDeleted: return ("已删除：", "Deleted: ")
        case .cvDeleteBlocked: return ("无法删除，仍有", "Cannot delete; still referenced by")
        case .cvNoSelection: return ("请先选中一家单位", "Select a unit first")
        case .cvActionInsert: return ("新增", "added")
        case .cvActionUpdate: return ("修改", "changed")
        case .cvActionDelete: return ("删除", "deleted")
        case .cvActionRestore: return ("恢复", "restored")
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
