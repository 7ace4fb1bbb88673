"""Writes soc-2021-06-23.json, the demo scenario, from the seed document's minutes.

The statements and decisions are the seed's own paragraphs, so this script is how the scenario
was made and how it is remade if the extraction changes:
    python3 data/demo/make_soc_2021_06_23.py [path/to/seed.txt]
Everything the seed does not say (the time of day, the draft wording of item 4) is marked in
the scenario's notes.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "../../../shared/seeds/000_540683796b14d7e9.txt")
seed = open(SEED, encoding="utf-8").read()
minutes = seed[seed.index('1. Opening of the meeting'):]
paras = [p.strip() for p in re.split(r'\n\s*\n', minutes) if p.strip()]
# Page breaks split two paragraphs; join a paragraph that does not end a sentence with the next.
joined = []
for p in paras:
    if joined and not re.search(r'[.:)»”]$', joined[-1]) and p[0].islower():
        joined[-1] = joined[-1] + ' ' + p
    else:
        joined.append(p)
paras = joined
def para(start):
    m = [p for p in paras if p.startswith(start)]
    assert len(m) == 1, (start, len(m))
    return m[0]

OBSERVER_STATES = ["BLR", "IDN", "JPN", "LAO", "MYS", "PHL", "UKR", "USA"]
OBSERVER_ORGS = ["UN", "OSCE", "LAS", "TURKPA", "IOM"]
OBSERVERS = OBSERVER_STATES + OBSERVER_ORGS

titles = [
 "Opening of the meeting",
 "Adoption of the agenda",
 "Approval of granting the CICA Observer Status to Turkmenistan",
 "Thematic discussion on the theme “Role of Asia in international affairs”",
 "Consideration of the draft of the updated CICA Catalogue of Confidence Building Measures",
 "CICA Plan of Action for Implementation of UN Global Counter Terrorism Strategy",
 "Consideration of the draft Regulations of the CICA Council of Eminent Persons",
 "Consideration of the draft Regulations of the CICA Think Tank Forum",
 "Consideration of the draft general guidelines for conducting events on implementation of CICA confidence building measures",
 "Consideration of the proposal by the Russian Federation to amend the CICA Rules of Procedure in relation to the status of observers",
 "Any other business",
]
item4_final = "Thematic discussion on the theme “Growing role of Asia in international affairs and related adaptation of CICA”"
agenda = []
for i, t in enumerate(titles, 1):
    open_item = i <= 4
    invited = OBSERVERS + (["TKM"] if i in (3, 4) else []) if open_item else []
    agenda.append({"number": i, "title": t, "closed_to_observers": not open_item,
                   "invited_observers": invited, "any_other_business": i == 11})

M = "{{soc_2021_i}}"
def stmt(item, role, text, participant=None, speaker=""):
    body = {"role": role, "speaker": speaker, "language": "en", "text": text}
    if participant: body["participant_id"] = participant
    return {"as": "officer", "method": "POST", "path": f"/api/v1/meetings/{M}/items/{item}/statements",
            "body": body, "expect": 201}
def mandate(item, subject):
    return {"as": "officer", "method": "POST", "path": f"/api/v1/meetings/{M}/items/{item}/mandates",
            "body": {"subject": subject, "assignee": "SWG", "due_before_next_meeting_of": "SOC"}, "expect": 201}
def decision(item, body, save=None):
    s = {"as": "chair.kaz", "method": "POST", "path": f"/api/v1/meetings/{M}/items/{item}/decisions",
         "body": body, "expect": 201}
    if save: s["save"] = {save: "id"}
    return s

CHAIR = "H.E. Mr. Shakhrat Nuryshev, First Deputy Minister of Foreign Affairs of the Republic of Kazakhstan"
CEP = "{{cep_draft}}"
steps = []
# The CEP Regulations draft as the SOC received it from the SWG, which reached consensus on it
# at its meeting of 21–22 June 2021 (the day is not in the seed: the 22nd is assumed).
steps.append({"as": "officer", "method": "POST", "path": "/api/v1/documents", "expect": 201,
  "note": "The draft's text is not in the seed; the entry records its passage through the bodies.",
  "body": {"symbol": "MM/2021/DRAFT/1", "kind": "draft_regulation", "body": "MM", "access": "member_states_only",
           "reason": "as agreed in the SWG",
           "languages": [{"lang": "en", "status": "original",
                          "title": "Draft Regulations of the Council of Eminent Persons of the Conference on Interaction and Confidence Building Measures in Asia (CICA)",
                          "paragraphs": [{"id": "note", "text": "The text of the draft is not reproduced in the minutes of 23 June 2021; this entry records the draft's passage through the SWG, the SOC and the Ministerial Meeting."}]}]},
  "save": {"cep_draft": "id"}})
steps.append({"as": "officer", "method": "POST", "path": f"/api/v1/documents/{CEP}/stages", "expect": 201,
  "body": {"body": "SWG", "kind": "consensus_reached", "on": "2021-06-22"}})
steps.append({"as": "officer", "method": "POST", "path": "/api/v1/meetings", "expect": 201,
  "note": "The draft agenda as circulated: the wording of item 4 before India's amendment is not in the seed and is reconstructed.",
  "body": {"body": "SOC", "session": "2021-I", "starts_on": "2021-06-23", "ends_on": "2021-06-23",
           "format": "online", "venue": "Nur-Sultan", "chair_participant_id": "KAZ", "chair_person": CHAIR,
           "agenda_symbol": "SOC/2021-I/Agenda/3", "items": agenda},
  "save": {"soc_2021_i": "id"}})
steps.append({"as": "officer", "method": "POST", "path": f"/api/v1/meetings/{M}/agenda/amendments", "expect": 201,
  "body": {"item_number": 4, "proposed_by": "IND", "title": item4_final}})
steps.append({"as": "chair.kaz", "method": "POST", "path": f"/api/v1/meetings/{M}/agenda/adopt", "expect": 200, "body": {}})
for i in (1, 2, 3, 4):
    present = OBSERVERS + (["TKM"] if i in (3, 4) else [])
    steps.append({"as": "officer", "method": "PUT", "path": f"/api/v1/meetings/{M}/items/{i}/attendance", "expect": 200,
                  "body": {"present": present}})
# 1
steps.append(stmt(1, "chair", para("Mr. Nuryshev updated SOC"), "KAZ",
                  "Mr. Sh. Nuryshev, First Deputy Minister of Foreign Affairs of the Republic of Kazakhstan"))
# 3
steps.append(stmt(3, "chair", para("The Chairperson reported that on 3 March 2021"), "KAZ", "The Chairperson"))
steps.append(decision(3, {
  "title": "Approval of granting the CICA Observer Status to Turkmenistan",
  "text": "The Senior Officials Committee approved granting of the CICA Observer Status to Turkmenistan.",
  "silence_procedure_id": "{{tkm_silence}}",
  "status_grants": [{"participant_id": "TKM", "status": "observer_state", "from": "2021-06-23"}]}, "dec_1"))
steps.append(stmt(3, "chair", para("The Chairperson welcomed and congratulated Turkmenistan"), "KAZ", "The Chairperson"))
steps.append(stmt(3, "participant", para("H.E. Mr. Vepa Hadzhiev"), "TKM",
                  "H.E. Mr. Vepa Hadzhiev, Vice Minister of Foreign Affairs of Turkmenistan"))
# 4: the eight states, in the order they spoke
for pid, start in [("IND", "India noted that mutual support"), ("KHM", "Cambodia stressed"), ("BHR", "Bahrain underscored"),
                   ("IRN", "Iran noted"), ("TUR", "Turkey highlighted"), ("RUS", "The Russian Federation noted Asia"),
                   ("VNM", "Vietnam noted"), ("CHN", "China noted")]:
    steps.append(stmt(4, "participant", para(start), pid))
# 5
steps.append(stmt(5, "chair", para("The Chairperson, Russian Federation, India, Turkey and Iran made comments"), "KAZ",
                  "The Chairperson, the Russian Federation, India, Turkey and Iran"))
steps.append(stmt(5, "participant", para("India expressed its interest in becoming a Co-coordinator"), "IND"))
steps.append(mandate(5, "Finalizing the draft of the updated CICA Catalogue of Confidence Building Measures"))
# 6
steps.append(stmt(6, "guest", para("Mr. Voronkov expressed gratitude"), "UN",
                  "Ambassador V. Voronkov, UN Under-Secretary-General for Counter-Terrorism, Head of the UN Office of Counter-Terrorism (video address)"))
steps.append(stmt(6, "participant", para("The State of Palestine noted"), "PSE"))
steps.append(mandate(6, "Resuming consideration of the draft CICA Plan of Action for Implementation of UN Global Counter Terrorism Strategy"))
# 7
steps.append(stmt(7, "chair", para("The Chairperson reported that consensus was reached within the SWG"), "KAZ", "The Chairperson"))
steps.append(decision(7, {
  "title": "Approval of the draft Regulations of the Council of Eminent Persons of CICA",
  "text": "The Senior Officials Committee approved the draft of the Regulations of the Council of Eminent Persons of the Conference on Interaction and Confidence Building Measures in Asia (CICA) (MM/2021/DRAFT/1) and recommended its adoption by the Ministers of Foreign Affairs of the CICA Member States.",
  "approved_documents": ["MM/2021/DRAFT/1"], "recommended_to": "MM", "numbered": False}, "cep_approval"))
for kind in ("approved", "recommended"):
    stage = {"body": "SOC", "kind": kind, "on": "2021-06-23", "meeting_id": M, "decision_id": "{{cep_approval}}"}
    if kind == "recommended":
        stage["recommended_to"] = "MM"
    steps.append({"as": "officer", "method": "POST", "path": f"/api/v1/documents/{CEP}/stages", "expect": 201,
                  "body": stage})
# 8
steps.append(stmt(8, "chair", para("The Chairperson reported that the SWG had thoroughly considered"), "KAZ", "The Chairperson"))
steps.append(mandate(8, "Agreeing on the draft of the Regulations of the CICA Think Tank Forum"))
# 9: recorded before item 5's decision, as the symbols SOC/2021-I/DEC/2 and DEC/3 show
steps.append(stmt(9, "chair", para("The Chairperson, Russian Federation and Turkey discussed"), "KAZ",
                  "The Chairperson, the Russian Federation and Turkey"))
steps.append(decision(9, {
  "title": "General guidelines for conducting events on implementation of CICA confidence building measures",
  "text": "The Senior Officials Committee adopted the SOC decision on General guidelines for conducting events on implementation of CICA confidence building measures."}, "dec_2"))
cocoord = para("The Senior Officials Committee approved new co-coordinating countries")
bullets = [p for p in paras if p.startswith("- China and Jordan") or p.startswith("- China in") or p.startswith("- Bangladesh")]
steps.append(decision(5, {
  "title": "List of coordinating and co-coordinating countries for implementing CBMs under priority areas of CICA dimensions",
  "text": cocoord + "\n" + "\n".join(bullets)}, "dec_3"))
# 10
steps.append(stmt(10, "chair", para("The Chairperson noted that the Russian Federation prepared"), "KAZ", "The Chairperson"))
RUS_ITEM_10 = para("Comments by the Russian Federation:").removeprefix("Comments by the Russian Federation: ")
steps.append(stmt(10, "participant", RUS_ITEM_10, "RUS"))
steps.append(stmt(10, "chair", para("Comments by the Chairperson:").removeprefix("Comments by the Chairperson: ") + "\n\n" +
                  para("The Chairperson expressed readiness"), "KAZ", "The Chairperson"))
steps.append(mandate(10, "Agreeing on amendments to the CICA Rules of Procedure in relation to the status of Observers"))

silence_text = ("On 3 March 2021 the Chairmanship received a letter from the Deputy Chairman of the Cabinet of Ministers – "
  "Minister of Foreign Affairs of Turkmenistan, His Excellency Mr. Rashid Meredov, with the request to grant Observer Status "
  "in CICA to Turkmenistan. The Chairmanship asks all Member States to approve granting of Observer Status to Turkmenistan "
  "through a silence procedure, in accordance with Rule 10.2.3 of the CICA Rules of Procedure.")
# The notes verbales the seed cites, registered with the numbers and dates they were issued
# under (chancery did not number them); their wording is composed from the templates.
steps.append({"as": "officer", "method": "POST", "path": "/api/v1/notes", "expect": 201,
  "note": "NV No. 7-1/397 of 23 June 2021, cited by the seed, circulated the meeting's documents. Its enclosures and their page count are not in the seed: 6 pages is assumed.",
  "body": {"purpose": "circulate_meeting_documents", "index": "7-1",
           "subject": "The agenda, decisions and list of participants of the SOC meeting of 23 June 2021",
           "enclosures": [{"description": "Agenda SOC/2021-I/Agenda/3, decisions SOC/2021-I/DEC/1-3, list of participants",
                           "pages": 6}],
           "about": {"kind": "meeting", "id": M}},
  "save": {"nv_397": "id"}})
steps.append({"as": "officer", "method": "POST", "path": "/api/v1/notes/{{nv_397}}/registration", "expect": 200,
              "body": {"number": "7-1/397", "date": "2021-06-23"}})
scenario = {
 "scenario": "soc-2021-06-23",
 "title": "The SOC meeting of 23 June 2021 and the silence procedure on Turkmenistan's observer status",
 "source": "Minutes of the SOC meeting of 23 June 2021, forwarded by Note Verbale No. 17-1/435 of 12 July 2021 (shared/seeds/000_540683796b14d7e9.txt)",
 "phases": [
  {"at": "2021-03-05T04:00:00Z",
   "note": "5 March 2021: the Chairmanship circulates Turkmenistan's request (received 3 March) through a silence procedure expiring on 20 March 2021. The time of day is not in the seed; 10:00 in Nur-Sultan is assumed.",
   "steps": [{"as": "chair.kaz", "method": "POST", "path": "/api/v1/silence-procedures", "expect": 201,
              "body": {"body": "SOC", "title": "Granting Observer Status in CICA to Turkmenistan", "text": silence_text,
                       "expires_on": "2021-03-20", "expiry_wording": "expiring on 20 March 2021", "initiator": "chairmanship"},
              "save": {"tkm_silence": "id"}}]},
  {"at": "2021-06-23T04:00:00Z",
   "note": "23 June 2021, 10:00 in Nur-Sultan: the SOC meets online. The silence procedure expired unbroken on 20 March; the scheduler concluded it, dated at its expiry instant.",
   "steps": steps},
  {"at": "2021-06-25T04:00:00Z",
   "note": "25 June 2021: the Secretariat drafts the minutes from the record (the seed: draft circulated on 25 June 2021).",
   "steps": [{"as": "officer", "method": "POST", "path": "/api/v1/meetings/{{soc_2021_i}}/minutes", "expect": 201,
              "save": {"minutes": "id"}},
             {"as": "officer", "method": "POST", "path": "/api/v1/documents/{{minutes}}/comment-rounds", "expect": 201,
              "note": "Circulated for comments; the deadline is the setting's week (R23): 2 July 2021.",
              "body": {}, "save": {"minutes_round": "id"}}]},
  {"at": "2021-06-30T04:00:00Z",
   "note": "A Member State's comment on the draft (the seed says the final version reflects Member States' comments, not which; this one is illustrative).",
   "steps": [{"as": "delegate.rus", "method": "POST", "path": "/api/v1/comment-rounds/{{minutes_round}}/comments",
              "expect": 201,
              "body": {"participant_id": "RUS", "paragraph_id": "item-10-p3",
                       "text": "The Russian Federation asks that its name be written in full.",
                       "proposed_text": RUS_ITEM_10.replace("Russia proceeded", "the Russian Federation proceeded")}}]},
  {"at": "2021-07-12T04:00:00Z",
   "note": "12 July 2021: the final minutes, reflecting the comments, forwarded by Note Verbale No. 17-1/435.",
   "steps": [{"as": "officer", "method": "POST", "path": "/api/v1/comment-rounds/{{minutes_round}}/consolidation",
              "expect": 201,
              "body": {"reason": "final version reflecting comments of Member States", "status": "final",
                       "decisions": [{"seq": 1, "outcome": "accepted", "reason": "reflected in the final version"}]}},
             {"as": "officer", "method": "POST", "path": "/api/v1/notes", "expect": 201,
              "note": "NV No. 17-1/435, the seed's covering note: its wording is the forward_final_minutes template's, its page count that of the final minutes rendered to PDF.",
              "body": {"purpose": "forward_final_minutes", "index": "17-1",
                       "subject": "Minutes of the SOC meeting of 23 June 2021 reflecting comments of Member States",
                       "enclosures": [{"description": "Minutes of the SOC meeting of 23 June 2021",
                                       "document_id": "{{minutes}}", "version": 2}],
                       "about": {"kind": "document", "id": "{{minutes}}"}},
              "save": {"nv_435": "id"}},
             {"as": "officer", "method": "POST", "path": "/api/v1/notes/{{nv_435}}/registration", "expect": 200,
              "body": {"number": "17-1/435", "date": "2021-07-12"}}]},
 ]}
with open(os.path.join(HERE, "soc-2021-06-23.json"), "w", encoding="utf-8") as out:
    json.dump(scenario, out, ensure_ascii=False, indent=2)
    out.write("\n")
print(len(steps), "steps")
