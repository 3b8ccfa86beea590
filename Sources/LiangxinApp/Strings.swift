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
    case oSummaryTitle, oByType, oByMonth, oFindings, oAwardsYear, oLedger, oActivities, oAwards, oHistory, oDetailActivities
    case oAll, oAsOf, oTotalRows, oTotalSurveys, oViewSummary, oViewLedger, oViewActivities, oViewAwards
    case oSector, oPlatforms, oPlatformsShort, oStations, oStationsShort, oBranchOffices, oBranchOfficesShort
    case oWorkers, oWorkersShort, oMembersFound, oMembersShort, oPocket, oPocketShort, oTransferred, oTransferredShort
    case oMobile, oMobileShort, oBranches, oBranchesShort, oUnits, oCoverage, oCoverageShort
    case oPlatform, oRegion, oBranch, oLastSurvey, oFindingCol, oNever
    case oDate, oType, oTitle, oOrganizer, oParticipants, oParticipantsShort, oServed, oServedShort, oItems, oItemsShort
    case oVolunteer, oVolunteerShort, oCount, oAward, oAwardPerson, oNote, oSurveyDate
    case oFOverdue, oFNoBranch, oFNotTransferred, oMOverdue, oMNever, oMNoBranch, oMNotTransferred
    case oSecretary, oSurveyCount, oNone, oRevoked, oFindingsNone
    case oKeyMove, oKeyPage, oKeyOpen, oKeyBack, oKeyView, oKeyFilter, oKeySort, oKeyFinding, oKeyAdd, oKeySurvey
    case oKeyQuick, oKeyEdit, oKeyDelete, oKeyExport, oKeyFocus, oKeyClick
    case oFootSummary, oFootLedger, oFootActivities, oFootDetail
    case oEmpty, oLoadFailed
    case oDelete, oCancel, oDeleted, oConfirmTitle, oDeletePlatform, oDeleteSurvey, oDeleteActivity, oNothingSelected, oSurveyNotEditable
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
    case srKeyRow, srKeyScore, srKeyTick, srKeyApprove, srKeyReturn, srKeyReject, srKeyChange, srKeyNextPrev, srKeyBack, srKeyOpenApp, srKeyMove, srKeyOpenReview, srKeyFilter, srKeySearch, srKeySort, srKeyExport, srKeyView, srKeyList, srKeyOpenHistory, srKeyYear, srCycle, srOrg, srRegion, srStar, srStatus, srMembers, srQueueEnd, srQueueStart, srDistribution, srQuota, srBarsNote, srQueueByStage, srChanges, srNoChanges, srFiveStarList, srBelowThreeList, srBelowThreeShort, srNone

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
        // stars (issue 7)
        case .srKeyRow: return ("移动到上/下一项", "Move between rows")
        case .srKeyScore: return ("录入审核评分（逐项，Enter保存并到下一项）", "Enter reviewer scores, dimension by dimension")
        case .srKeyTick: return ("勾选/取消否决项或创新项目", "Tick or untick a veto or the innovation project")
        case .srKeyApprove: return ("通过本阶段（公示后授星，可调整星级并填写理由）", "Approve this stage (after the notice: grant, or adjust with a reason)")
        case .srKeyReturn: return ("退回上一阶段（须填写意见）", "Return to the previous stage (comment required)")
        case .srKeyReject: return ("不予通过（须填写意见）", "Reject (comment required)")
        case .srKeyChange: return ("升星 / 降星 / 摘星（须填写理由）", "Raise / lower / revoke the star (reason required)")
        case .srKeyNextPrev: return ("下一件 / 上一件申报", "Next / previous application")
        case .srKeyBack: return ("返回", "Back")
        case .srKeyOpenApp: return ("查看该年度申报", "Open that year's application")
        case .srKeyMove: return ("移动", "Move")
        case .srKeyOpenReview: return ("打开审核界面", "Open the review screen")
        case .srKeyFilter: return ("按阶段、地区、上级党组织、申报星级筛选", "Filter by stage, region, committee, applied star")
        case .srKeySearch: return ("按名称搜索", "Search by name")
        case .srKeySort: return ("排序（等待时间、名称、地区、阶段、申报星级）/ 反序", "Sort (waiting, name, region, stage, applied) / reverse")
        case .srKeyExport: return ("导出当前列表为CSV", "Export the list as CSV")
        case .srKeyView: return ("切换概览 / 审核队列", "Switch summary / review queue")
        case .srKeyList: return ("切换五星名单 / 三星以下名单", "Switch between the two lists")
        case .srKeyOpenHistory: return ("查看该组织历年星级", "Open the organization's star history")
        case .srKeyYear: return ("上一周期 / 下一周期", "Previous / next cycle")
        case .srCycle: return ("评定周期", "Cycle")
        case .srOrg: return ("党组织", "Organization")
        case .srRegion: return ("地区", "Region")
        case .srStar: return ("星级", "Star")
        case .srStatus: return ("状态", "Status")
        case .srMembers: return ("党员", "Mbrs")
        case .srQueueEnd: return ("已是队列最后一件", "End of the queue")
        case .srQueueStart: return ("已是队列第一件", "Start of the queue")
        case .srDistribution: return ("星级分布", "Star distribution")
        case .srQuota: return ("限额", "quota")
        case .srBarsNote: return ("条形为占已定级组织的比例，竖线为限额", "Bars: share of rated organizations; │ marks the quota")
        case .srQueueByStage: return ("申报办理进度", "Applications by stage")
        case .srChanges: return ("本周期变动", "Changes this cycle")
        case .srNoChanges: return ("（本周期无变动）", "(no changes this cycle)")
        case .srFiveStarList: return ("五星党组织", "Five-star organizations")
        case .srBelowThreeList: return ("三星以下·建议纳入软弱涣散排查", "Below ★★★ · consider for rectification")
        case .srBelowThreeShort: return ("三星以下·软弱涣散排查", "Below ★★★")
        case .srNone: return ("（无）", "(none)")
        // MARK: outreach (issue 4)
        case .oSummaryTitle: return ("按行业汇总 · 各平台最近一次摸排", "By sector · latest survey of each platform")
        case .oByType: return ("本年活动（按类型）", "Activities this year by type")
        case .oByMonth: return ("逐月活动（按行业）", "Activities by month")
        case .oFindings: return ("问题清单", "Findings")
        case .oAwardsYear: return ("本年评选表彰", "Awards this year")
        case .oLedger: return ("摸排台账", "Survey ledger")
        case .oActivities: return ("活动台账", "Activities")
        case .oAwards: return ("评选表彰", "Awards")
        case .oHistory: return ("摸排历史", "Survey history")
        case .oDetailActivities: return ("开展活动", "Activities")
        case .oAll: return ("合计", "All")
        case .oAsOf: return ("截至", "as of")
        case .oTotalRows: return ("共{n}条", "{n} rows")
        case .oTotalSurveys: return ("共{n}次", "{n} surveys")
        case .oViewSummary: return ("概况", "Summary")
        case .oViewLedger: return ("台账", "Ledger")
        case .oViewActivities: return ("活动", "Activities")
        case .oViewAwards: return ("表彰", "Awards")
        case .oSector: return ("行业", "Sector")
        case .oPlatforms: return ("平台品牌", "Platforms")
        case .oPlatformsShort: return ("平台", "Plat")
        case .oStations: return ("站点网点", "Stations")
        case .oStationsShort: return ("站点", "Stns")
        case .oBranchOffices: return ("分支机构", "Offices")
        case .oBranchOfficesShort: return ("分支", "Offc")
        case .oWorkers: return ("从业人员", "Workers")
        case .oWorkersShort: return ("从业", "Wkrs")
        case .oMembersFound: return ("发现党员", "Members")
        case .oMembersShort: return ("党员", "Mbrs")
        case .oPocket: return ("口袋党员", "Pocket")
        case .oPocketShort: return ("口袋", "Pckt")
        case .oTransferred: return ("转入关系", "Transf.")
        case .oTransferredShort: return ("转入", "Trf")
        case .oMobile: return ("流动党员", "Mobile")
        case .oMobileShort: return ("流动", "Mob")
        case .oBranches: return ("覆盖支部", "Branches")
        case .oBranchesShort: return ("支部", "Brs")
        case .oUnits: return ("单位", "Units")
        case .oCoverage: return ("党组织覆盖率", "Org coverage")
        case .oCoverageShort: return ("覆盖率", "Coverage")
        case .oPlatform: return ("平台/品牌", "Platform")
        case .oRegion: return ("地区", "Region")
        case .oBranch: return ("覆盖支部", "Branch")
        case .oLastSurvey: return ("最近摸排", "Surveyed")
        case .oFindingCol: return ("问题", "Findings")
        case .oNever: return ("未摸排", "never")
        case .oDate: return ("日期", "Date")
        case .oType: return ("类型", "Type")
        case .oTitle: return ("活动", "Activity")
        case .oOrganizer: return ("组织单位", "Organizer")
        case .oParticipants: return ("参与人数", "Particip.")
        case .oParticipantsShort: return ("参与", "Part")
        case .oServed: return ("服务人数", "Served")
        case .oServedShort: return ("服务", "Srvd")
        case .oItems: return ("发放物品", "Items")
        case .oItemsShort: return ("物品", "Itms")
        case .oVolunteer: return ("志愿人次", "Volunteer")
        case .oVolunteerShort: return ("志愿", "Vol")
        case .oCount: return ("场次", "Count")
        case .oAward: return ("奖项", "Award")
        case .oAwardPerson: return ("获奖人", "Awardee")
        case .oNote: return ("备注", "Note")
        case .oSurveyDate: return ("摸排日期", "Surveyed on")
        case .oFOverdue: return ("未摸排或超{n}个月", "Not surveyed in {n} months")
        case .oFNoBranch: return ("有党员无覆盖支部", "Members, no branch")
        case .oFNotTransferred: return ("党员未转入组织关系", "Members not transferred")
        case .oMOverdue: return ("超期", "overdue")
        case .oMNever: return ("未摸排", "never")
        case .oMNoBranch: return ("无支部", "no branch")
        case .oMNotTransferred: return ("未转入", "not transf.")
        case .oSecretary: return ("书记", "Secretary")
        case .oSurveyCount: return ("摸排次数", "Surveys")
        case .oNone: return ("无", "none")
        case .oRevoked: return ("已撤销", "revoked")
        case .oFindingsNone: return ("无问题", "no findings")
        case .oKeyMove: return ("上下移动", "Move")
        case .oKeyPage: return ("翻页 / 首行 / 末行", "Page / first / last")
        case .oKeyOpen: return ("打开平台详情；概况中查看该行业台账", "Open the platform; in the summary, the sector's ledger")
        case .oKeyBack: return ("返回", "Back")
        case .oKeyView: return ("切换视图：概况 台账 活动 表彰", "Next view: summary, ledger, activities, awards")
        case .oKeyFilter: return ("筛选（Enter保留，Esc清除）", "Filter as you type (Enter keeps, Esc clears)")
        case .oKeySort: return ("下一排序列 / 反向", "Next sort column / reverse")
        case .oKeyFinding: return ("问题清单：依次筛选三类问题", "Findings: cycle the three lists")
        case .oKeyAdd: return ("新增：台账中为平台，活动中为活动，详情中为摸排", "Add: a platform, an activity, or (detail) a survey")
        case .oKeySurvey: return ("为所选平台录入新一次摸排（历史保留）", "Record a new survey of the platform (history kept)")
        case .oKeyQuick: return ("快速新增活动（沿用所选活动的行业、类型、组织单位）", "Quick-add an activity like the selected one")
        case .oKeyEdit: return ("修改所选记录", "Modify the selected record")
        case .oKeyDelete: return ("删除所选记录（先确认，可按u撤销）", "Delete the selected record (asks; u undoes)")
        case .oKeyExport: return ("导出屏幕上的表格（CSV）", "Export the table on screen (CSV)")
        case .oKeyFocus: return ("详情中：在摸排历史与活动之间切换", "Detail: switch between history and activities")
        case .oKeyClick: return ("选中所点的行", "Select the clicked row")
        case .oFootSummary: return ("Enter 行业台账 · v 视图 · f 问题 · a 新增活动", "Enter ledger · v view · f findings · a add activity")
        case .oFootLedger: return ("Enter 详情 · n 新摸排 · a 新增平台 · f 问题 · / 筛选 · v 视图", "Enter open · n survey · a add · f findings · / filter · v view")
        case .oFootActivities: return ("a 新增 · + 快速新增 · m 修改 · d 删除 · / 筛选 · v 视图", "a add · + quick-add · m edit · d delete · / filter · v view")
        case .oFootDetail: return ("n 新摸排 · + 新活动 · m 修改 · d 删除 · ←→ 切换 · Esc 返回", "n survey · + activity · m edit · d delete · ←→ switch · Esc back")
        case .oEmpty: return ("（无数据）", "(none)")
        case .oLoadFailed: return ("读取失败：", "Could not read: ")
        case .oDelete: return ("删除", "Delete")
        case .oCancel: return ("取消", "Cancel")
        case .oDeleted: return ("已删除：", "Deleted: ")
        case .oConfirmTitle: return ("请确认", "Please confirm")
        case .oDeletePlatform: return ("删除平台“{name}”及其{n}次摸排记录？相关活动保留，不再关联该平台。可按u撤销。",
                                       "Delete the platform {name} and its {n} surveys? Its activities stay, unlinked. u undoes.")
        case .oDeleteSurvey: return ("删除{name}的这次摸排记录？可按u撤销。", "Delete the survey of {name}? u undoes.")
        case .oDeleteActivity: return ("删除活动“{name}”？可按u撤销。", "Delete the activity {name}? u undoes.")
        case .oNothingSelected: return ("没有选中的记录", "Nothing selected")
        case .oSurveyNotEditable: return ("摸排记录按日期留存不改写；录错请删除（d）后重新录入（n）", "Surveys are dated history: delete (d) a wrong one and enter it again (n)")
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
