#!/usr/bin/env python3
"""Counts the expected figures straight from the sample CSVs and checks them against the spec's targets.

Independent of make_sample.py: standard library only, reads nothing but the CSVs in this directory.
Writes EXPECTED.md next to this script and prints the target check; exits 1 if a check fails.

Rules (today = 2026-11-22):
- in scope: units with status 运营 (last year: registered ≤ 2025-12-31 and not deregistered by then, i.e.
  status 运营 or deregistered > 2025-12-31).
- organizational coverage: party_org_id set, that org's status ≠ 撤销 and formation ∈ 单独组建/联合组建/行业统建
  (last year additionally org_since ≤ 2025-12-31 and the org founded ≤ 2025-12-31).
- work-only: no organizational coverage, instructor_id set (last year: instructor_since ≤ 2025-12-31).
- rates: percentages rounded half-up to two decimals, computed exactly with fractions.
"""
import csv
import datetime as dt
import os
import re
import sys
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
TODAY = dt.date(2026, 11, 22)
LAST = dt.date(2025, 12, 31)
FILES = {
    "regions.csv": "code,name,level,parent_code",
    "party_orgs.csv": "id,name,org_type,formation,parent_id,region_code,secretary_name,secretary_phone,"
                      "secretary_appointed,full_members,probationary_members,status,star_level,founded",
    "instructors.csv": "id,name,phone,employer,full_time,visit_frequency,rating,region_code",
    "units.csv": "id,name,credit_code,kind,category,industry,region_code,address,staff,full_members,"
                 "probationary_members,legal_rep_member,acfic_member,sector,party_org_id,org_since,instructor_id,"
                 "instructor_since,reason_not_formed,planned_date,registered,status,deregistered",
    "platforms.csv": "id,name,sector,region_code,party_org_id",
    "platform_surveys.csv": "id,platform_id,survey_date,stations,branch_offices,workers,members_found,"
                            "pocket_members,members_transferred,mobile_members,note",
    "outreach_activities.csv": "id,date,sector,type,title,organizer,region_code,platform_id,participants,"
                               "people_served,items,volunteer_times,award,award_person",
    "stations.csv": "id,name,kind,region_code,host_unit,host_type,address,latitude,longitude,contact_name,"
                    "contact_phone,hours,services,opened,status,status_reason",
    "station_logs.csv": "id,station_id,date,count,note",
    "training_sessions.csv": "id,date,title,type,mode,organizer,audience,region_code,person_times,hours",
    "training_attendance.csv": "id,session_id,party_org_id,person_name,role,head_count",
    "star_evaluations.csv": "id,party_org_id,year,stage,applied_star,self_scores,reviewer_scores,vetoes,evidence,"
                            "innovation,decided_star,publicity_start,publicity_end,submitted",
}

checks = []          # (ok, text)


def check(ok, text):
    checks.append((bool(ok), text))


def load(name):
    path = os.path.join(HERE, name)
    raw = open(path, "rb").read()
    check(not raw.startswith(b"\xef\xbb\xbf"), "%s: no BOM" % name)
    check(b"\r" not in raw, "%s: LF line endings only" % name)
    text = raw.decode("utf-8")
    rows = list(csv.reader(text.splitlines(keepends=True)))
    check(",".join(rows[0]) == FILES[name], "%s: header exactly as the spec" % name)
    hdr = rows[0]
    out = [dict(zip(hdr, r)) for r in rows[1:]]
    check(all(len(r) == len(hdr) for r in rows[1:]), "%s: every row has %d fields" % (name, len(hdr)))
    ids = [r["id"] for r in out] if "id" in hdr else None
    if ids is not None:
        check(ids == [str(i) for i in range(1, len(out) + 1)], "%s: ids are 1..%d" % (name, len(out)))
    return out


def day(s):
    return dt.date.fromisoformat(s) if s else None


def pct(num, den):
    """Percentage rounded half-up to 2 decimals, as a string."""
    if den == 0:
        return "—"
    q = Fraction(num * 100, den)
    hundredths = (q * 100 + Fraction(1, 2)).__floor__()
    return "%d.%02d" % (hundredths // 100, hundredths % 100)


T = {n: load(n) for n in FILES}
regions, orgs, instructors, units = T["regions.csv"], T["party_orgs.csv"], T["instructors.csv"], T["units.csv"]
platforms, surveys, acts = T["platforms.csv"], T["platform_surveys.csv"], T["outreach_activities.csv"]
stations, logs, sessions, att = T["stations.csv"], T["station_logs.csv"], T["training_sessions.csv"], \
    T["training_attendance.csv"]
evals = T["star_evaluations.csv"]
org_by_id = {o["id"]: o for o in orgs}
region_by_code = {r["code"]: r for r in regions}

# ---------------------------------------------------------------------------------------------------------
# Coverage
# ---------------------------------------------------------------------------------------------------------
ORG_FORMS = ("单独组建", "联合组建", "行业统建")
S3 = ("快递", "外卖", "网约车")
INTERMEDIARY = ("律师事务所", "会计师事务所", "税务师事务所")
GROUPS = [
    ("非公企业", lambda u: u["kind"] == "非公企业"),
    ("小个专", lambda u: u["kind"] == "小个专"),
    ("社会组织", lambda u: u["kind"] == "社会组织"),
    ("工商联会员企业", lambda u: u["acfic_member"] == "是"),
    ("民办学校", lambda u: u["category"] == "民办学校"),
    ("中介组织", lambda u: u["category"] in INTERMEDIARY),
    ("快递外卖网约车", lambda u: u["sector"] in S3),
    ("合计", lambda u: True),
]


def classify(u, asof=None):
    o = org_by_id.get(u["party_org_id"]) if u["party_org_id"] else None
    if o is not None and o["status"] != "撤销" and o["formation"] in ORG_FORMS:
        if asof is None or (day(u["org_since"]) <= asof and day(o["founded"]) <= asof):
            return {"单独组建": "own", "联合组建": "joint", "行业统建": "industry"}[o["formation"]]
    if u["instructor_id"] and (asof is None or day(u["instructor_since"]) <= asof):
        return "work"
    return "none"


def in_scope(u, asof=None):
    if asof is None:
        return u["status"] == "运营"
    if day(u["registered"]) > asof:
        return False
    return u["status"] == "运营" or day(u["deregistered"]) > asof


def coverage(asof=None):
    res = []
    for label, pred in GROUPS:
        c = {"scope": 0, "own": 0, "joint": 0, "industry": 0, "work": 0, "none": 0}
        for u in units:
            if in_scope(u, asof) and pred(u):
                c["scope"] += 1
                c[classify(u, asof)] += 1
        c["org"] = c["own"] + c["joint"] + c["industry"]
        c["org_rate"] = pct(c["org"], c["scope"])
        c["own_rate"] = pct(c["own"], c["scope"])
        c["work_rate"] = pct(c["org"] + c["work"], c["scope"])
        res.append((label, c))
    return res


cov_now = coverage()
cov_last = coverage(LAST)
cov = dict(cov_now)
operating = [u for u in units if u["status"] == "运营"]
active_orgs = [o for o in orgs if o["status"] != "撤销"]

full_sum = sum(int(u["full_members"]) for u in operating)
prob_sum = sum(int(u["probationary_members"]) for u in operating)
should_form = [u for u in operating if int(u["full_members"]) >= 3 and classify(u) != "own"]
units_per_org = {}
for u in operating:
    if u["party_org_id"]:
        units_per_org[u["party_org_id"]] = units_per_org.get(u["party_org_id"], 0) + 1
wide_joint = [o for o in orgs if o["formation"] == "联合组建" and o["status"] != "撤销"
              and units_per_org.get(o["id"], 0) > 5]
big_orgs = [o for o in orgs if int(o["full_members"]) > 50]
big_branches = [o for o in big_orgs if o["org_type"] in ("党支部", "联合党支部") and o["status"] != "撤销"]

# stations
running = [s for s in stations if s["status"] == "运行"]
last_log = {}
for l in logs:
    d = day(l["date"])
    if l["station_id"] not in last_log or d > last_log[l["station_id"]]:
        last_log[l["station_id"]] = d
served_2026 = sum(int(l["count"]) for l in logs if l["date"].startswith("2026-"))
idle_cut = TODAY - dt.timedelta(days=30)      # 2026-10-23: a last log on this day is not idle
# Idle counts from the last log, or from the opening when nothing is logged since (a station opened last week
# has not had 30 days to be idle).
def since(s):
    opened = day(s["opened"]) if s["opened"] else None
    opened = opened if opened and opened <= TODAY else None
    cands = [d for d in (last_log.get(s["id"]), opened) if d]
    return max(cands) if cands else None
idle = [s for s in running if since(s) is None or since(s) < idle_cut]

# training
ses_2026 = [s for s in sessions if s["date"].startswith("2026-")]
ses_2025 = [s for s in sessions if s["date"].startswith("2025-")]
pt_2026 = sum(int(s["person_times"]) for s in ses_2026)
hours_2026 = sum(Fraction(s["hours"]) for s in ses_2026)

# stars
star_counts = [0] * 6
for o in active_orgs:
    star_counts[int(o["star_level"])] += 1
rated = len(active_orgs) - star_counts[0]


def fmt_hours(h):
    return ("%d" % h) if h.denominator == 1 else ("%.1f" % float(h))


# ---------------------------------------------------------------------------------------------------------
# EXPECTED.md
# ---------------------------------------------------------------------------------------------------------
L = []
L.append("# Expected figures of the sample data (示例市)")
L.append("")
L.append("Counted straight from the CSVs by `count_expected.py` (independent of `make_sample.py`). "
         "Today = 2026-11-22; units in scope = operating units (status 运营). Rates are percentages rounded "
         "half-up to two decimals.")
L.append("")
L.append("Rules: **with organization** = `party_org_id` set, that org's status ≠ 撤销 and its formation ∈ "
         "单独组建/联合组建/行业统建 (so units pointing at a 撤销 org or at a 兼合式 org are not organizationally "
         "covered); **work-only** = no such org but `instructor_id` set; **uncovered** = neither. "
         "党组织覆盖率 = with org ÷ in scope; 单独组建率 = own ÷ in scope; 工作覆盖率 = (with org + work-only) ÷ in scope.")
L.append("")
L.append("## Totals")
L.append("")
L.append("| figure | value |")
L.append("|---|---:|")
L.append("| units (all) | %d |" % len(units))
L.append("| operating units (运营) | %d |" % len(operating))
L.append("| deregistered units (注销) | %d |" % (len(units) - len(operating)))
L.append("| party organizations (all) | %d |" % len(orgs))
L.append("| party organizations, active (status ≠ 撤销) | %d |" % len(active_orgs))
L.append("| 正式党员 in operating units | %d |" % full_sum)
L.append("| 预备党员 in operating units | %d |" % prob_sum)
L.append("| instructors | %d |" % len(instructors))
L.append("")


def cov_table(title, res, note):
    L.append("## " + title)
    L.append("")
    if note:
        L.append(note)
        L.append("")
    L.append("| group | in scope | with org | own 单独 | joint 联合 | industry 行业统建 | work-only | uncovered | "
             "党组织覆盖率 % | 单独组建率 % | 工作覆盖率 % |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, c in res:
        L.append("| %s | %d | %d | %d | %d | %d | %d | %d | %s | %s | %s |" % (
            label, c["scope"], c["org"], c["own"], c["joint"], c["industry"], c["work"], c["none"],
            c["org_rate"], c["own_rate"], c["work_rate"]))
    L.append("")


GROUP_NOTE = ("Groups: 非公企业/小个专/社会组织 by `kind`; 工商联会员企业 = `acfic_member` 是; 民办学校 = category 民办学校; "
              "中介组织 = category 律师/会计师/税务师事务所; 快递外卖网约车 = `sector` ∈ 快递, 外卖, 网约车 (these units are "
              "also counted in 非公企业 or 小个专); 合计 = all units in scope.")
cov_table("Coverage today (2026-11-22)", cov_now, GROUP_NOTE)
cov_table("Coverage last year (as of 2025-12-31)", cov_last,
          "In scope: registered ≤ 2025-12-31 and not deregistered by then (status 运营, or `deregistered` > 2025-12-31). "
          "With org: as above and `org_since` ≤ 2025-12-31 and the org's `founded` ≤ 2025-12-31 (every unit that "
          "points at a 撤销 org in scope last year has `org_since` in 2026, so it does not matter whether the "
          "revocation is read as already effective). Work-only: `instructor_since` ≤ 2025-12-31.")
L.append("## Findings")
L.append("")
L.append("| figure | value |")
L.append("|---|---:|")
L.append("| 应建未建: operating units with full_members ≥ 3 and not covered by a 单独组建 org | %d |" % len(should_form))
L.append("| … of which covered by a 联合组建 org | %d |" % sum(1 for u in should_form if classify(u) == "joint"))
L.append("| … of which covered by a 行业统建 org | %d |" % sum(1 for u in should_form if classify(u) == "industry"))
L.append("| … of which work-only | %d |" % sum(1 for u in should_form if classify(u) == "work"))
L.append("| … of which uncovered | %d |" % sum(1 for u in should_form if classify(u) == "none"))
L.append("| joint branches (联合组建, not 撤销) covering > 5 operating units | %d |" % len(wide_joint))
L.append("| orgs with full_members > 50 (all types, any status) | %d |" % len(big_orgs))
L.append("| … of which 党支部/联合党支部 (not 撤销) over 50 members | %d |" % len(big_branches))
L.append("| operating units pointing at a 撤销 org | %d |" % sum(
    1 for u in operating if u["party_org_id"] and org_by_id[u["party_org_id"]]["status"] == "撤销"))
L.append("| operating units pointing at a 兼合式 org | %d |" % sum(
    1 for u in operating if u["party_org_id"] and org_by_id[u["party_org_id"]]["formation"] == "兼合式"))
L.append("| operating units uncovered (no org, no instructor: 盲区) | %d |" % cov["合计"]["none"])
L.append("| operating units without org whose planned_date is already past | %d |" % sum(
    1 for u in operating if u["planned_date"] and day(u["planned_date"]) < TODAY and classify(u) in ("work", "none")))
L.append("")
L.append("Joint branches covering more than 5 operating units:")
L.append("")
L.append("| org id | name | operating units |")
L.append("|---:|---|---:|")
for o in wide_joint:
    L.append("| %s | %s | %d |" % (o["id"], o["name"], units_per_org[o["id"]]))
L.append("")
all_per_org = {}
for u in units:
    if u["party_org_id"]:
        all_per_org[u["party_org_id"]] = all_per_org.get(u["party_org_id"], 0) + 1
L.append("Edge cases in the data (for tests):")
L.append("")
for o in orgs:
    if o["formation"] == "联合组建" and o["status"] != "撤销" and units_per_org.get(o["id"], 0) == 5 \
            and all_per_org.get(o["id"], 0) > 5:
        L.append("- joint branch %s %s: 5 operating units + %d deregistered unit(s) listed → NOT > 5." % (
            o["id"], o["name"], all_per_org[o["id"]] - 5))
for u in operating:
    if u["party_org_id"] and org_by_id[u["party_org_id"]]["status"] == "撤销":
        L.append("- unit %s %s points at 撤销 org %s (org_since %s) → counted as %s." % (
            u["id"], u["name"], u["party_org_id"], u["org_since"], {"work": "work-only", "none": "uncovered"}[
                classify(u)]))
for u in operating:
    if u["party_org_id"] and org_by_id[u["party_org_id"]]["formation"] == "兼合式":
        L.append("- unit %s %s points at 兼合式 org %s and has instructor %s → work-only (same result if 兼合式 "
                 "itself is read as work coverage)." % (u["id"], u["name"], u["party_org_id"], u["instructor_id"]))
L.append("")
L.append("## Stations")
L.append("")
L.append("| figure | value |")
L.append("|---|---:|")
L.append("| stations (all) | %d |" % len(stations))
L.append("| stations running (运行) | %d |" % len(running))
L.append("| services logged in 2026 (sum of `count`) | %d |" % served_2026)
L.append("| running stations with no log (nor opening) in the 30 days before 2026-11-22 (last log or opening < 2026-10-23) | %d |"
         % len(idle))
L.append("")
L.append("| station id | name | last log |")
L.append("|---:|---|---|")
for s in idle:
    L.append("| %s | %s | %s |" % (s["id"], s["name"], last_log.get(s["id"], "none")))
edge = [s for s in running if last_log.get(s["id"]) == idle_cut]
for s in edge:
    L.append("")
    L.append("Not idle (boundary): station %s %s, last log exactly %s." % (s["id"], s["name"], idle_cut))
L.append("")
L.append("## Training (2026)")
L.append("")
L.append("| figure | value |")
L.append("|---|---:|")
L.append("| sessions in 2026 | %d |" % len(ses_2026))
L.append("| 人次 in 2026 (sum of person_times) | %d |" % pt_2026)
L.append("| 学时 in 2026 (sum of hours of the sessions) | %s |" % fmt_hours(hours_2026))
L.append("")
L.append("## Star levels (active orgs)")
L.append("")
L.append("| star | orgs |")
L.append("|---|---:|")
for s in (5, 4, 3, 2, 1):
    L.append("| %d★ | %d |" % (s, star_counts[s]))
L.append("| unrated (0) | %d |" % star_counts[0])
L.append("| active orgs | %d |" % len(active_orgs))
L.append("| 星级党组织覆盖率 (rated ÷ active) | %s%% |" % pct(rated, len(active_orgs)))
L.append("")

# ---------------------------------------------------------------------------------------------------------
# Target checks
# ---------------------------------------------------------------------------------------------------------
GB_ALPHA = "0123456789ABCDEFGHJKLMNPQRTUWXY"
GB_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
GB_PREFIX = {"私营企业": "91", "外商投资企业": "91", "个体工商户": "92", "专业市场": "91", "社会团体": "51",
             "民办非企业单位": "52", "民办学校": "52", "基金会": "53", "律师事务所": "31", "会计师事务所": "91",
             "税务师事务所": "91"}


def gb_ok(code):
    if len(code) != 18 or any(c not in GB_ALPHA for c in code):
        return False
    v = 31 - sum(GB_ALPHA.index(c) * w for c, w in zip(code, GB_W)) % 31
    return GB_ALPHA[0 if v == 31 else v] == code[17]


def near(value, target, tol):
    return abs(float(value) - target) <= tol


def district(code):
    return code[:6]


# data format and integrity
codes = [u["credit_code"] for u in units]
check(all(gb_ok(c) for c in codes), "credit codes: all %d pass the GB 32100 check" % len(codes))
check(len(set(codes)) == len(codes), "credit codes: unique")
check(all(u["credit_code"][:2] == GB_PREFIX[u["category"]] and u["credit_code"][2:8] == district(u["region_code"])
          for u in units), "credit codes: prefix by category, positions 3-8 = district code")
check(all(region_by_code[u["region_code"]]["level"] in ("4", "5") for u in units), "units sit on level 4 or 5")
lv = {}
for r in regions:
    lv[r["level"]] = lv.get(r["level"], 0) + 1
dists = [r for r in regions if r["level"] == "3"]
streets_per = [sum(1 for r in regions if r["level"] == "4" and r["parent_code"] == d["code"]) for d in dists]
check(len(dists) == 6 and all(5 <= n <= 8 for n in streets_per), "regions: 6 districts with 5-8 streets each %s"
      % streets_per)
check(all(r["parent_code"] in region_by_code for r in regions if r["level"] != "1"), "regions: parents exist")
phone_re = re.compile(r"^1[3-9]\d{9}$")
check(all(phone_re.match(o["secretary_phone"]) for o in orgs) and all(phone_re.match(i["phone"]) for i in instructors)
      and all(phone_re.match(s["contact_phone"]) for s in stations if s["contact_phone"]), "phones: 1[3-9]\\d{9}")
dates = []
for name, cols in (("units.csv", ("org_since", "instructor_since", "registered", "deregistered")),
                   ("party_orgs.csv", ("secretary_appointed", "founded")), ("platform_surveys.csv", ("survey_date",)),
                   ("outreach_activities.csv", ("date",)), ("stations.csv", ("opened",)),
                   ("station_logs.csv", ("date",)), ("training_sessions.csv", ("date",)),
                   ("star_evaluations.csv", ("publicity_start", "publicity_end", "submitted"))):
    for r in T[name]:
        dates += [day(r[c]) for c in cols if r[c]]
check(max(dates) <= TODAY, "nothing dated after 2026-11-22 (planned_date excepted: plans lie in the future)")
check(all(u["party_org_id"] in org_by_id for u in units if u["party_org_id"]), "units.party_org_id references exist")
check(all(o["parent_id"] in org_by_id for o in orgs if o["parent_id"]), "party_orgs.parent_id references exist")
inst_ids = set(i["id"] for i in instructors)
check(all(u["instructor_id"] in inst_ids for u in units if u["instructor_id"]), "units.instructor_id references exist")
check(all(district(u["region_code"]) == [i for i in instructors if i["id"] == u["instructor_id"]][0]["region_code"]
          for u in units if u["instructor_id"]), "instructors serve units of their own district")
check(all((u["instructor_id"] == "") == (u["instructor_since"] == "") for u in units), "instructor_since iff instructor")
check(all((u["party_org_id"] == "") == (u["org_since"] == "") for u in units), "org_since iff party_org_id")
check(all(day(u["org_since"]) >= day(u["registered"]) for u in units if u["org_since"]), "org_since ≥ registered")
check(all(day(u["org_since"]) >= day(org_by_id[u["party_org_id"]]["founded"]) for u in units if u["org_since"]),
      "org_since ≥ org founded")
check(all(day(o["secretary_appointed"]) >= day(o["founded"]) for o in orgs), "secretary_appointed ≥ founded")
check(all(not u["reason_not_formed"] for u in units if classify(u) in ("own", "joint", "industry")),
      "reason_not_formed only for units without an organization")
check(all((u["status"] == "注销") == bool(u["deregistered"]) for u in units), "deregistered date iff 注销")
check(all(u["acfic_member"] == "" for u in units if u["kind"] != "非公企业"), "acfic_member only for 非公企业")
own_units = [u for u in units if u["party_org_id"] and org_by_id[u["party_org_id"]]["formation"] == "单独组建"]
check(all(int(u["full_members"]) >= 3 for u in own_units), "units with a 单独组建 org have ≥ 3 full members")
check(all(int(o["full_members"]) >= 3 for o in orgs if o["formation"] == "单独组建"), "单独组建 orgs have ≥ 3 members")

jh = [u for u in units if u["party_org_id"] and org_by_id[u["party_org_id"]]["formation"] == "兼合式"
      and in_scope(u, LAST)]
check(all(u["instructor_id"] for u in units if u["party_org_id"] and u["status"] == "运营"
          and org_by_id[u["party_org_id"]]["formation"] == "兼合式")
      and all((day(u["org_since"]) <= LAST and day(org_by_id[u["party_org_id"]]["founded"]) <= LAST)
              == (day(u["instructor_since"]) <= LAST) for u in jh),
      "units under a 兼合式 org have an instructor, dated alike (work-only either way, today and last year)")

# units
check(len(units) >= 2400, "units ≥ 2400 (%d)" % len(units))
reg26 = sum(1 for u in units if u["registered"] >= "2026-")
check(near(reg26 * 100 / len(units), 5, 1), "registered in 2026 ≈ 5%% (%s%%)" % pct(reg26, len(units)))
check(near((len(units) - len(operating)) * 100 / len(units), 3, 1), "注销 ≈ 3%% (%s%%)" %
      pct(len(units) - len(operating), len(units)))
sec_units = [u for u in units if u["sector"]]
sec_n = {s: sum(1 for u in sec_units if u["sector"] == s) for s in ("快递", "外卖", "网约车", "货车", "网络主播")}
check(140 <= len(sec_units) <= 160 and all(u["category"] in ("私营企业", "个体工商户") for u in sec_units),
      "≈150 sector units, category 私营企业/个体工商户 (%d: %s)" % (len(sec_units), sec_n))
for label, target in (("非公企业", 85), ("工商联会员企业", 81), ("小个专", 29), ("社会组织", 95), ("民办学校", 98),
                      ("中介组织", 93), ("快递外卖网约车", 14)):
    check(near(cov[label]["org_rate"], target, 1.0), "党组织覆盖率 %s ≈ %d%% (%s%%)" % (label, target,
                                                                                  cov[label]["org_rate"]))
fgc = cov["非公企业"]
check(near(fgc["own"] * 100 / fgc["org"], 55, 4) and near(fgc["joint"] * 100 / fgc["org"], 35, 4)
      and near(fgc["industry"] * 100 / fgc["org"], 10, 3),
      "covered 非公企业: own/joint/industry ≈ 55/35/10%% (%s/%s/%s%%)" % (
          pct(fgc["own"], fgc["org"]), pct(fgc["joint"], fgc["org"]), pct(fgc["industry"], fgc["org"])))
xc = cov["小个专"]
check((xc["joint"] + xc["industry"]) > 0.8 * xc["org"], "covered 小个专 mostly joint or 行业统建 (%d of %d)" % (
    xc["joint"] + xc["industry"], xc["org"]))
allc = cov["合计"]
check(0.35 <= allc["work"] / (allc["work"] + allc["none"]) <= 0.65,
      "work-only ≈ half of the units without org (%d of %d)" % (allc["work"], allc["work"] + allc["none"]))
check(20 <= len(should_form) <= 40, "应建未建 in 20-40 (%d)" % len(should_form))
check(any(classify(u) in ("joint", "industry") for u in should_form) and any(
    classify(u) in ("work", "none") for u in should_form), "应建未建 includes joint-covered and uncovered units")
ratio = len(units) / len(instructors)
check(8 <= ratio <= 10, "about 1 instructor per 8-10 units (%.1f)" % ratio)
lastd = dict(cov_last)
check(all(float(lastd[g]["org_rate"]) < float(cov[g]["org_rate"]) for g, _ in GROUPS),
      "last year's 党组织覆盖率 lower in every group (%s)" % ", ".join(
          "%s %s→%s" % (g, lastd[g]["org_rate"], cov[g]["org_rate"]) for g, _ in GROUPS))
since26 = [u for u in operating if u["org_since"] >= "2026-"]
check(near(len(since26) * 100 / sum(1 for u in operating if u["org_since"]), 4, 1.5),
      "org_since in 2026 ≈ 4%% (%s%%)" % pct(len(since26), sum(1 for u in operating if u["org_since"])))

# orgs
st = {s: sum(1 for o in orgs if o["status"] == s) for s in ("正常", "软弱涣散", "撤销")}
check(near(st["软弱涣散"] * 100 / len(orgs), 2, 0.7) and near(st["撤销"] * 100 / len(orgs), 1, 0.7),
      "org status ≈ 2%% 软弱涣散, 1%% 撤销 (%s)" % st)
rev_op = [u for u in operating if u["party_org_id"] and org_by_id[u["party_org_id"]]["status"] == "撤销"]
check(2 <= len(rev_op) <= 3, "2-3 operating units point at a 撤销 org (%d)" % len(rev_op))
f26 = sum(1 for o in orgs if o["founded"] >= "2026-")
check(near(f26 * 100 / len(orgs), 4, 1.5), "≈4%% of orgs founded in 2026 (%s%%)" % pct(f26, len(orgs)))
check(3 <= len(big_branches) <= 8, "a handful of branches over 50 members (%d)" % len(big_branches))
check(2 <= len(wide_joint) <= 8, "a few joint branches covering 6-9 units (%s)" % [units_per_org[o["id"]]
                                                                                    for o in wide_joint])
jsizes = [units_per_org.get(o["id"], 0) for o in orgs if o["formation"] == "联合组建" and o["status"] != "撤销"
          and units_per_org.get(o["id"], 0) > 0]
check(sum(1 for n in jsizes if 2 <= n <= 5) >= 0.9 * len(jsizes), "joint branches normally cover 2-5 units")
check(all(o["org_type"] == "党委" for o in orgs if int(o["full_members"]) > 100 and o["formation"] == "单独组建"),
      "单独组建 orgs over 100 members are 党委")
new_sec = sum(1 for o in active_orgs if o["secretary_appointed"] > "2026-05-22")
check(new_sec > 0 and new_sec < len(active_orgs) / 4, "some secretaries appointed in the last 6 months (%d)" % new_sec)
for s, target in ((5, 8), (4, 25), (3, 35), (2, 12), (1, 5), (0, 15)):
    check(near(star_counts[s] * 100 / len(active_orgs), target, 2), "star %d share ≈ %d%% (%s%%)" % (
        s, target, pct(star_counts[s], len(active_orgs))))

# platforms, surveys, outreach
psec = {}
for p in platforms:
    psec[p["sector"]] = psec.get(p["sector"], 0) + 1
check(len(platforms) == 30 and all(4 <= n <= 8 for n in psec.values()) and len(psec) == 5,
      "30 platforms, 4-8 per sector (%s)" % psec)
check(any(not p["party_org_id"] for p in platforms), "some platforms without a covering branch")
surveyed = {}
for s in surveys:
    surveyed.setdefault(s["platform_id"], []).append(s["survey_date"])
never = [p["id"] for p in platforms if p["id"] not in surveyed]
stale = [pid for pid, ds in surveyed.items() if max(ds) < "2026-05-22"]
check(len(never) == 2, "2 platforms never surveyed (%s)" % never)
check(2 <= len(stale) <= 6, "a few platforms surveyed only before 2026-05-22 (%d)" % len(stale))
check(all(1 <= len(v) <= 4 for v in surveyed.values()), "1-4 surveys per surveyed platform")
check(all(int(s["members_transferred"]) <= int(s["members_found"]) and int(s["pocket_members"]) <= int(
    s["members_found"]) and int(s["mobile_members"]) <= int(s["members_found"]) for s in surveys),
      "survey member counts ≤ members_found")
WK = {"快递": (50, 800), "外卖": (100, 2000), "网约车": (100, 1500), "货车": (50, 600), "网络主播": (10, 200)}
psector = {p["id"]: p["sector"] for p in platforms}
check(all(WK[psector[s["platform_id"]]][0] <= int(s["workers"]) <= WK[psector[s["platform_id"]]][1] for s in surveys),
      "survey workers within the sector ranges")
check(140 <= len(acts) <= 170 and len(set(a["sector"] for a in acts)) == 5, "≈150 activities, all five sectors (%d)"
      % len(acts))
check(all(bool(a["award"]) == (a["type"] == "评选表彰") for a in acts), "award only for 评选表彰")
check(any(a["type"] == "关爱慰问" and a["date"] >= "2026-" and a["people_served"] == "260" and a["items"] == "707"
          for a in acts), "a 2026 关爱慰问 with 260 people served and 707 items")

# stations
sd = {}
for s in stations:
    sd.setdefault(district(s["region_code"]), []).append(s)
no_run = [d for d in (r["code"] for r in dists) if not any(s["status"] == "运行" for s in sd.get(d, []))]
check(len(stations) >= 36, "≥ 36 stations (%d)" % len(stations))
check(all(r["code"] in sd for r in dists), "every district has stations")
check(len(no_run) == 1, "exactly one district without a running station (%s)" % [region_by_code[d]["name"]
                                                                                for d in no_run])
check(near(len(running) * 100 / len(stations), 85, 3), "≈85%% running (%s%%)" % pct(len(running), len(stations)))
check(any(s["kind"] == '暖"新"驿站' for s in stations), 'kind 暖"新"驿站 present (CSV-quoted)')
check(sum(1 for s in stations if "应急药箱" not in s["services"] or "充电" not in s["services"]) >= 2,
      "a few stations lack 应急药箱 or 充电")
check(sum(1 for s in stations if not s["contact_name"]) >= 1, "a few stations without contact")
allday = sum(1 for s in stations if s["hours"] == "24h")
check(near(allday * 100 / len(stations), 40, 12), "≈40%% open 24h (%d)" % allday)
check(1 <= len(idle) <= 5 and len(edge) == 1, "a few idle running stations (%d) and one last logged on 2026-10-23"
      % len(idle))
st_status = {s["id"]: s for s in stations}
check(all(day(l["date"]) >= day(st_status[l["station_id"]]["opened"]) for l in logs), "no log before opening")
check(all(l["date"] >= "2025-11-23" for l in logs), "logs start 2025-11-23")

# training
check(len(sessions) >= 260 and near(len(ses_2026), 200, 15) and near(len(ses_2025), 100, 15),
      "≥ 260 sessions: ≈200 in 2026 (%d), ≈100 in 2025 (%d)" % (len(ses_2026), len(ses_2025)))
named = {}
heads = {}
for a in att:
    heads[a["session_id"]] = heads.get(a["session_id"], 0) + int(a["head_count"])
    if a["person_name"]:
        named[a["session_id"]] = named.get(a["session_id"], 0) + 1
check(all(int(s["person_times"]) >= named.get(s["id"], 0) for s in sessions), "person_times ≥ named attendees")
check(all(int(s["person_times"]) >= heads.get(s["id"], 0) for s in sessions), "person_times ≥ sum of head_count")
check(all(Fraction(0.5) <= Fraction(s["hours"]) <= 40 for s in sessions), "hours 0.5-40")
sess = {s["id"]: s for s in sessions}
CONC = ("学习培训班", "书记轮训", "党务工作者培训", "主题教育集中学习")
sec_rows = [a for a in att if a["role"] == "书记"]
check(all(a["party_org_id"] and org_by_id[a["party_org_id"]]["secretary_name"] == a["person_name"] for a in sec_rows),
      "书记 rows name that org's secretary")
conc, rot, hrs = set(), set(), {}
for a in sec_rows:
    s = sess[a["session_id"]]
    if not s["date"].startswith("2026-"):
        continue
    oid = a["party_org_id"]
    if s["type"] in CONC:
        conc.add(oid)
    if s["type"] == "书记轮训":
        rot.add(oid)
    hrs[oid] = hrs.get(oid, 0) + Fraction(s["hours"])
act_ids = set(o["id"] for o in active_orgs)
n_act = len(active_orgs)
c_conc = len(conc & act_ids)
c_rot = len(rot & act_ids)
c_56 = sum(1 for k, v in hrs.items() if k in act_ids and v >= 56)
check(near(c_conc * 100 / n_act, 70, 3), "secretaries with a concentrated course in 2026 ≈ 70%% (%s%%)" %
      pct(c_conc, n_act))
check(near(c_56 * 100 / n_act, 55, 3), "secretaries with ≥ 56 学时 in 2026 ≈ 55%% (%s%%)" % pct(c_56, n_act))
check(near(c_rot * 100 / n_act, 60, 3), "secretaries at a 书记轮训 in 2026 ≈ 60%% (%s%%)" % pct(c_rot, n_act))
exact = [k for k, v in hrs.items() if v == 56]
check(len(exact) >= 1, "a secretary at exactly 56.0 学时 (org ids %s)" % exact)

# star evaluations
e26 = [e for e in evals if e["year"] == "2026"]
e25 = [e for e in evals if e["year"] == "2025"]
stages = set(e["stage"] for e in e26)
check(near(len(e26), 300, 20) and len(stages) == 8, "≈300 applications in 2026 over all 8 stages (%d)" % len(e26))
check(all(e["stage"] == "授星" for e in e25), "2025 rows are all 授星")
check(all(not e["reviewer_scores"] for e in evals if e["stage"] in ("草稿", "自评申报", "初核")),
      "reviewer_scores empty before 审核")
check(all(bool(e["decided_star"]) == (e["stage"] == "授星") for e in evals), "decided_star only for 授星")
check(all(e["publicity_start"] and e["publicity_end"] for e in evals if e["stage"] in ("公示", "授星")),
      "publicity dates for 公示/授星")
MAXIMA = {"组织设置": 15, "班子队伍": 20, "党员管理": 15, "组织生活": 20, "阵地建设": 10, "作用发挥": 20}


def parse_scores(t):
    return {k: int(v) for k, v in (p.split(":") for p in t.split(";"))}


check(all(all(0 <= v <= MAXIMA[k] for k, v in parse_scores(t).items()) and len(parse_scores(t)) == 6
          for e in evals for t in (e["self_scores"], e["reviewer_scores"]) if t), "scores within the maxima")
latest = {}
for e in evals:
    if e["stage"] == "授星":
        latest[e["party_org_id"]] = max(latest.get(e["party_org_id"], ("0", 0)), (e["year"], int(e["decided_star"])))
check(all(latest.get(o["id"], ("", 0))[1] == int(o["star_level"]) for o in active_orgs),
      "each active org's star_level equals its latest 授星 decision (0 = none)")

size = sum(os.path.getsize(os.path.join(HERE, n)) for n in FILES)
check(size < 5 * 1024 * 1024, "CSVs total %.2f MB (< 5 MB)" % (size / 1024 / 1024))

L.append("## Spec target check")
L.append("")
L.append("| ok | check |")
L.append("|---|---|")
for ok, text in checks:
    L.append("| %s | %s |" % ("✔" if ok else "✘", text.replace("|", "\\|")))
L.append("")
L.append("Secretary training in 2026 (active orgs): concentrated course %d (%s%%), ≥ 56 学时 %d (%s%%), "
         "书记轮训 %d (%s%%); exactly 56.0 学时: org %s." % (c_conc, pct(c_conc, n_act), c_56, pct(c_56, n_act),
                                                    c_rot, pct(c_rot, n_act), ", ".join(exact)))
L.append("")
L.append("File row counts: " + ", ".join("%s %d" % (n, len(T[n])) for n in FILES) + ".")
L.append("")

with open(os.path.join(HERE, "EXPECTED.md"), "w", encoding="utf-8", newline="\n") as f:
    f.write("\n".join(L))

failed = [t for ok, t in checks if not ok]
for ok, text in checks:
    print(("ok   " if ok else "FAIL ") + text)
print("\n%d checks, %d failed" % (len(checks), len(failed)))
sys.exit(1 if failed else 0)
