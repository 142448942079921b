"""A small authority for the API tests: two locality teams, a person in every
role, and three cases that stand in every relation the permission table
knows: OWN (allocated to sw.north, IRO iro, shared with the school), OTHER
(allocated to sw.south in the other team, shared with nobody) and
RESTRICTED (allocated to sw.north, restricted, granted to nobody)."""
import datetime

from harness import add_team, add_user

TEAMS = {"north": "Locality Team North", "south": "Locality Team South"}

# username: (name, role, team, agency)
PEOPLE = {
    "sw.north": ("Sam North", "social_worker", "north", None),
    "asw.north": ("Ash North", "advanced_social_worker", "north", None),
    "flm.north": ("Fran North", "first_line_manager", "north", None),
    "sw.south": ("Sol South", "social_worker", "south", None),
    "flm.south": ("Flo South", "first_line_manager", "south", None),
    "sm": ("Sasha Manager", "service_manager", None, None),
    "gm": ("Gale Manager", "group_manager", None, None),
    "hos": ("Harper Head", "head_of_service", None, None),
    "iro": ("Indra Reviewer", "independent_reviewing_officer", None, None),
    "partner.school": ("Pat School", "partner_professional", None, "school"),
    "partner.health": ("Pip Health", "partner_professional", None, "health"),
    "admin": ("Ada Admin", "administrator", None, None),
}


def days_ago(n):
    return (datetime.date.today() - datetime.timedelta(days=n)).isoformat()


def make_people(db):
    for team_id, name in TEAMS.items():
        add_team(db, team_id, name)
    for username, (name, role, team, agency) in PEOPLE.items():
        add_user(db, username, name, role, team=team, agency=agency)


def register(client, name, dob="2016-05-14"):
    r = client.post("/api/cases", {"child": {"name": name, "date_of_birth": dob, "sex": "female"},
                                   "referral": {"date": days_ago(60), "source": "school"}})
    assert r.status == 201, r
    return r.json["case_id"]


def make_cases(server):
    """Returns {"own": id, "other": id, "restricted": id}."""
    north = server.client()
    assert north.sign_in("flm.north").status == 200
    own = register(north, "Ruby Own")
    north.command(own, "allocation", {"username": "sw.north", "date": days_ago(59)})
    north.command(own, "iro", {"username": "iro", "date": days_ago(59)})
    north.command(own, "consent", {"date": days_ago(58), "given": True,
                                   "scope": "information_sharing", "agency": "school"})
    south = server.client()
    assert south.sign_in("flm.south").status == 200
    other = register(south, "Otto Other")
    south.command(other, "allocation", {"username": "sw.south", "date": days_ago(59)})
    restricted = register(north, "Rhea Restricted")
    north.command(restricted, "allocation", {"username": "sw.north", "date": days_ago(59)})
    sm = server.client()
    assert sm.sign_in("sm").status == 200
    sm.command(restricted, "restriction", {"date": days_ago(58), "reason": "a parent works here"})
    return {"own": own, "other": other, "restricted": restricted}


# What each test case is, as authorize() should read it.
def relation(cases):
    return {
        cases["own"]: {"worker": "sw.north", "team": "north", "iro": "iro", "restricted": False,
                       "shared_with": ["school"]},
        cases["other"]: {"worker": "sw.south", "team": "south", "iro": None, "restricted": False,
                         "shared_with": []},
        cases["restricted"]: {"worker": "sw.north", "team": "north", "iro": None,
                              "restricted": True, "shared_with": []},
    }
