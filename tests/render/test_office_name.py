"""One function names an office (render/labels.py ``office_name``): its name, or "Office N" when
it has none; the company report, the schedules, the year, the navigator and the company view all
call it."""

from __future__ import annotations

from naccs_tui.domain.company_edit import add_office
from naccs_tui.domain.document import new_document
from naccs_tui.render import company as render_company
from naccs_tui.render.labels import office_name


def test_an_unnamed_office_is_office_n_and_a_named_one_is_its_name():
    one = new_document()
    assert one.offices[0].name in (None, "")
    assert office_name(one, 1, "ja") == "事業所1"
    assert office_name(one, 1, "en") == "Office 1"
    two = add_office(one, "横浜", first_name="本社")
    assert [office_name(two, i, "en") for i in (1, 2)] == ["本社", "横浜"]
    assert office_name(two.offices[1], 2, "ja") == "横浜"  # the office itself, or its company: the same


def test_the_company_report_names_offices_through_it():
    one = new_document()
    assert render_company.office_label(one, 1, "en") == "Office 1"
    assert render_company.office_name(one.offices[0], 1, "ja") == "事業所1"
