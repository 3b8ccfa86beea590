import LiangxinModel

/// CSV row → record, one function per ledger, columns as `LedgerKind.columns` names them.
enum RowDecoders {
    static func region(_ r: inout RowReader) -> Region {
        let levelText = r.required("level")
        var level = RegionLevel.city
        if let n = RowReader.wholeNumber(levelText), let l = RegionLevel(rawValue: n) { level = l }
        else if let l = RegionLevel.allCases.first(where: { $0.label == levelText }) { level = l }
        else if !levelText.isEmpty { r.fail("level", "“\(levelText)”不是有效层级（1省 2市 3县区 4乡镇街道 5社区）") }
        return Region(code: r.required("code"), name: r.required("name"), level: level, parentCode: r.region("parent_code", required: false))
    }

    static func instructor(_ r: inout RowReader) -> Instructor {
        Instructor(id: r.id("id"), name: r.required("name"), phone: r.text("phone"), employer: r.text("employer"),
                   fullTime: r.bool("full_time"), visitFrequency: r.enumValue("visit_frequency", VisitFrequency.self),
                   rating: r.enumValue("rating", InstructorRating.self), regionCode: r.region("region_code", required: false))
    }

    static func partyOrg(_ r: inout RowReader) -> PartyOrg {
        PartyOrg(id: r.id("id"), name: r.required("name"), orgType: r.requiredEnum("org_type", OrgType.self),
                 formation: r.requiredEnum("formation", Formation.self), parentId: r.id("parent_id"),
                 regionCode: r.region("region_code", required: true) ?? "", secretaryName: r.text("secretary_name"),
                 secretaryPhone: r.text("secretary_phone"), secretaryAppointed: r.day("secretary_appointed"),
                 fullMembers: r.int("full_members"), probationaryMembers: r.int("probationary_members"),
                 status: r.enumValue("status", OrgStatus.self) ?? .normal, revokedOn: r.day("revoked_on"), starLevel: r.int("star_level"),
                 founded: r.day("founded"))
    }

    static func unit(_ r: inout RowReader) -> OrgUnit {
        let category = r.requiredEnum("category", UnitCategory.self)
        var u = OrgUnit(id: r.id("id"), name: r.required("name"), creditCode: r.text("credit_code")?.uppercased(),
                     category: category, industry: r.text("industry"), regionCode: r.region("region_code", required: true) ?? "",
                     address: r.text("address"), staff: r.int("staff"), fullMembers: r.int("full_members"),
                     probationaryMembers: r.int("probationary_members"), legalRepMember: r.bool("legal_rep_member"),
                     acficMember: r.bool("acfic_member"), sector: r.enumValue("sector", Sector.self),
                     partyOrgId: r.id("party_org_id"), orgSince: r.day("org_since"), instructorId: r.id("instructor_id"),
                     instructorSince: r.day("instructor_since"),
                     reasonNotFormed: r.enumValue("reason_not_formed", ReasonNotFormed.self),
                     plannedDate: r.day("planned_date"), registered: r.day("registered"),
                     status: r.enumValue("status", UnitStatus.self) ?? .operating, deregistered: r.day("deregistered"))
        if let k = r.enumValue("kind", UnitKind.self) {
            if k != category.kind { r.fail("kind", "“\(k.label)”与类别“\(category.label)”不符") }
            u.kind = category.kind
        }
        return u
    }

    static func platform(_ r: inout RowReader) -> Platform {
        Platform(id: r.id("id"), name: r.required("name"), sector: r.requiredEnum("sector", Sector.self),
                 regionCode: r.region("region_code", required: true) ?? "", partyOrgId: r.id("party_org_id"))
    }

    static func survey(_ r: inout RowReader) -> PlatformSurvey {
        return PlatformSurvey(id: r.id("id"), platformId: r.requiredID("platform_id"), surveyDate: r.requiredDay("survey_date"),
                              stations: r.int("stations"), branchOffices: r.int("branch_offices"), workers: r.int("workers"),
                              membersFound: r.int("members_found"), pocketMembers: r.int("pocket_members"),
                              membersTransferred: r.int("members_transferred"), mobileMembers: r.int("mobile_members"),
                              note: r.text("note"))
    }

    static func activity(_ r: inout RowReader) -> OutreachActivity {
        OutreachActivity(id: r.id("id"), date: r.requiredDay("date"), sector: r.requiredEnum("sector", Sector.self),
                         type: r.requiredEnum("type", ActivityType.self), title: r.required("title"),
                         organizer: r.text("organizer"), regionCode: r.region("region_code", required: false), platformId: r.id("platform_id"),
                         participants: r.int("participants"), peopleServed: r.int("people_served"), items: r.int("items"),
                         volunteerTimes: r.int("volunteer_times"), award: r.text("award"), awardPerson: r.text("award_person"))
    }

    static func station(_ r: inout RowReader) -> Station {
        var s = Station(id: r.id("id"), name: r.required("name"), kind: r.requiredEnum("kind", StationKind.self),
                        regionCode: r.region("region_code", required: true) ?? "", hostUnit: r.text("host_unit"),
                        hostType: r.enumValue("host_type", StationHostType.self), address: r.text("address"),
                        latitude: r.double("latitude"), longitude: r.double("longitude"),
                        contactName: r.text("contact_name"), contactPhone: r.text("contact_phone"),
                        hours: r.text("hours") ?? "", opened: r.day("opened"),
                        status: r.enumValue("status", StationStatus.self) ?? .running, statusReason: r.text("status_reason"))
        if let text = r.text("services") {
            let names = text.split(whereSeparator: { "、,，;；|".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
            for n in names where StationService.parse(n) == nil { r.fail("services", "“\(n)”不是服务清单中的项目") }
            s.services = Station.join(names.compactMap(StationService.parse))
        }
        return s
    }

    static func stationLog(_ r: inout RowReader) -> StationLog {
        StationLog(id: r.id("id"), stationId: r.requiredID("station_id"), date: r.requiredDay("date"), count: r.int("count"),
                   note: r.text("note"))
    }

    static func trainingSession(_ r: inout RowReader) -> TrainingSession {
        TrainingSession(id: r.id("id"), date: r.requiredDay("date"), title: r.required("title"),
                        type: r.requiredEnum("type", TrainingType.self), mode: r.enumValue("mode", TrainingMode.self) ?? .offline,
                        organizer: r.text("organizer"), audience: r.text("audience"), regionCode: r.region("region_code", required: false),
                        personTimes: r.int("person_times"), hours: r.double("hours") ?? 0, endDate: r.day("end_date"))
    }

    static func attendance(_ r: inout RowReader) -> TrainingAttendance {
        TrainingAttendance(id: r.id("id"), sessionId: r.requiredID("session_id"), partyOrgId: r.id("party_org_id"),
                           personName: r.text("person_name"), role: r.enumValue("role", AttendeeRole.self) ?? .member,
                           headCount: r.int("head_count", default: 1))
    }

    static func starEvaluation(_ r: inout RowReader) -> StarEvaluation {
        for c in ["self_scores", "reviewer_scores"] {
            if let t = r.text(c), ScoreSheet.parse(t) == nil { r.fail(c, "应为“维度:分数;维度:分数”") }
        }
        return StarEvaluation(id: r.id("id"), partyOrgId: r.requiredID("party_org_id"), year: r.requiredInt("year"),
                              stage: r.requiredEnum("stage", EvalStage.self), appliedStar: r.int("applied_star"),
                              selfScores: r.text("self_scores") ?? "", reviewerScores: r.text("reviewer_scores") ?? "",
                              vetoes: r.text("vetoes") ?? "", evidence: r.text("evidence"), innovation: r.bool("innovation"),
                              decidedStar: r.optionalInt("decided_star"), publicityStart: r.day("publicity_start"),
                              publicityEnd: r.day("publicity_end"), submitted: r.day("submitted"))
    }
}
