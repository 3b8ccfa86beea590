import LiangxinModel

/// The ledgers that move in and out as CSV, in the order that satisfies references when loading a set.
public enum LedgerKind: String, CaseIterable, Sendable {
    case regions
    case instructors
    case partyOrgs = "party_orgs"
    case units
    case platforms
    case surveys = "platform_surveys"
    case activities = "outreach_activities"
    case stations
    case stationLogs = "station_logs"
    case trainingSessions = "training_sessions"
    case attendance = "training_attendance"
    case starEvaluations = "star_evaluations"

    public var fileName: String { rawValue + ".csv" }

    public var columns: [String] {
        switch self {
        case .regions: return ["code", "name", "level", "parent_code"]
        case .instructors: return ["id", "name", "phone", "employer", "full_time", "visit_frequency", "rating", "region_code"]
        case .partyOrgs: return ["id", "name", "org_type", "formation", "parent_id", "region_code", "secretary_name", "secretary_phone",
                                 "secretary_appointed", "full_members", "probationary_members", "status", "revoked_on", "star_level",
                                 "founded"]
        case .units: return ["id", "name", "credit_code", "kind", "category", "industry", "region_code", "address", "staff",
                             "full_members", "probationary_members", "legal_rep_member", "acfic_member", "sector", "party_org_id",
                             "org_since", "instructor_id", "instructor_since", "reason_not_formed", "planned_date", "registered",
                             "status", "deregistered"]
        case .platforms: return ["id", "name", "sector", "region_code", "party_org_id"]
        case .surveys: return ["id", "platform_id", "survey_date", "stations", "branch_offices", "workers", "members_found",
                               "pocket_members", "members_transferred", "mobile_members", "note"]
        case .activities: return ["id", "date", "sector", "type", "title", "organizer", "region_code", "platform_id", "participants",
                                  "people_served", "items", "volunteer_times", "award", "award_person"]
        case .stations: return ["id", "name", "kind", "region_code", "host_unit", "host_type", "address", "latitude", "longitude",
                                "contact_name", "contact_phone", "hours", "services", "opened", "status", "status_reason"]
        case .stationLogs: return ["id", "station_id", "date", "count", "note"]
        case .trainingSessions: return ["id", "date", "title", "type", "mode", "organizer", "audience", "region_code",
                                        "person_times", "hours", "end_date"]
        case .attendance: return ["id", "session_id", "party_org_id", "person_name", "role", "head_count"]
        case .starEvaluations: return ["id", "party_org_id", "year", "stage", "applied_star", "self_scores", "reviewer_scores",
                                       "vetoes", "evidence", "innovation", "decided_star", "publicity_start", "publicity_end",
                                       "submitted"]
        }
    }
}

/// One bad cell or row, located the way a spreadsheet user finds it: file, row number (header = 1), column.
public struct ImportProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var row: Int
    public var column: String?
    public var reason: String

    public var description: String {
        "\(file) 第\(row)行" + (column.map { "，列“\($0)”" } ?? "") + "：\(reason)"
    }
}
