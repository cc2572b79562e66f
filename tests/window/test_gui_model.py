"""The checklist model on its own, without widgets: clauses in the policy's order, rows and roles."""

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from checks.catalogue import CATALOGUE
from checks.model import CheckResult, Fix, Severity, Status
from checks.policy import clauses, declaration_states
from checks.profile import load_profile
from desktop.checklist_model import KIND_CHECK, KIND_CLAUSE, KIND_DECLARATION, PENDING_WORD, ChecklistModel, Role

NOW = datetime(2026, 11, 25, 10, 30, tzinfo=UTC)


def make_model(confirmed=None):
    profile = load_profile()
    return ChecklistModel(list(CATALOGUE), declaration_states(profile.declarations, confirmed or {}), NOW), profile


def test_every_clause_appears_in_the_policys_order(qtmodeltester):
    model, profile = make_model()
    qtmodeltester.check(model)
    assert model.rowCount() == len(clauses()) == 15
    numbers = [model.index(r, 0).data(Role.CLAUSE_NUMBER) for r in range(model.rowCount())]
    assert numbers == list(range(1, 16))
    for r, c in enumerate(clauses()):
        idx = model.index(r, 0)
        assert idx.data(Role.KIND) == KIND_CLAUSE
        assert idx.data(Role.CLAUSE_TEXT) == c.text
    # clause 2 holds its checks first, then its declarations (the phone PIN ones)
    two = model.clause_index(2)
    kinds = [model.index(i, 0, two).data(Role.KIND) for i in range(model.rowCount(two))]
    in_two = sum(1 for c in CATALOGUE if c.clause == 2)
    assert kinds[:in_two] == [KIND_CHECK] * in_two and set(kinds[in_two:]) == {KIND_DECLARATION}
    # a clause with neither a check nor a declaration is still there, with no rows
    assert model.rowCount(model.clause_index(5)) == 0
    # every check and every declaration is somewhere
    assert sorted(model.check_ids()) == sorted(s.id for s in list(CATALOGUE))
    assert len(profile.declarations) == 11


def test_result_fills_the_roles_and_a_new_run_marks_it_running(qtmodeltester):
    model, _ = make_model()
    qtmodeltester.check(model)
    idx = model.check_index("screen-lock")
    assert idx.data(Role.STATUS) == "" and idx.data(Role.STATUS_WORD) == PENDING_WORD
    assert "screen-lock" in model.pending()
    fix = Fix(("Open Settings.", "Set it to 5 minutes."), settings_uri="ms-settings:lockscreen")
    model.set_result(
        CheckResult(
            "screen-lock",
            Status.FAIL,
            Severity.REQUIRED,
            2,
            "The screen locks by itself",
            "Your screen never locks.",
            fix=fix,
        )
    )
    assert idx.data(Role.STATUS) == "fail"
    assert idx.data(Role.STATUS_WORD) == "To fix"
    assert idx.data(Role.DETAIL) == "Your screen never locks."
    assert idx.data(Role.FIX_STEPS) == ["Open Settings.", "Set it to 5 minutes."]
    assert idx.data(Role.SETTINGS_URI) == "ms-settings:lockscreen"
    assert idx.data(Role.CLAUSE_NUMBER) == 2 and "PIN" in idx.data(Role.CLAUSE_TEXT)
    assert "screen-lock" not in model.pending()
    assert [r.id for r in model.results()] == ["screen-lock"]
    model.set_running("screen-lock")
    assert idx.data(Role.RUNNING) is True and "screen-lock" in model.pending()


def test_one_change_per_result_for_the_views():
    model, _ = make_model()
    seen = []
    model.dataChanged.connect(lambda a, b, roles=(): seen.append(a.data(Role.ID)))
    model.set_result(CheckResult("autologin", Status.PASS, Severity.REQUIRED, 2, "t", "d"))
    assert seen == ["autologin"]


def test_declarations_show_confirmed_and_due():
    confirmed = {"phone-pin": NOW - timedelta(days=10), "privacy-settings": NOW - timedelta(days=400)}
    model, _ = make_model(confirmed)
    pin = model.declaration_index("phone-pin")
    assert pin.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked.value
    assert pin.data(Role.DUE) is False and pin.data(Role.CONFIRMED_AT) == confirmed["phone-pin"]
    old = model.declaration_index("privacy-settings")  # review_days = 90: due again
    assert old.data(Role.DUE) is True
    assert old.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked.value
    never = model.declaration_index("copyright")
    assert never.data(Role.DUE) is True and never.data(Role.CONFIRMED_AT) is None


def test_a_declaration_outside_the_policy_points_still_shows():
    from dataclasses import replace

    from checks.profile import DeclarationSpec
    from desktop.clauses import OTHER

    profile = load_profile()
    extra = DeclarationSpec("dbs-update", 0, "I have told my consultant about any change to my DBS.", 365)
    profile = replace(profile, declarations=(*profile.declarations, extra))
    model = ChecklistModel(list(CATALOGUE), declaration_states(profile.declarations, {}), NOW)
    assert model.rowCount() == 16
    last = model.index(15, 0)
    assert last.data(Role.TITLE) == OTHER.heading
    assert model.index(0, 0, last).data(Role.ID) == "dbs-update"
    assert model.declaration_index("dbs-update").parent() == last
