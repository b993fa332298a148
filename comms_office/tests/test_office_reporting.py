# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import json
import re
from datetime import date, datetime, timedelta
from unittest.mock import patch

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged, users
from odoo.tools import file_open

from .complaint_common import ComplaintCommon

DASHBOARD = "comms_office/data/files/comms_office_dashboard.json"


@tagged("post_install", "-at_install")
class TestOfficeReporting(ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env.ref("comms_office.resource_calendar_sun_thu")
        # Monday 9 March 2026 is a holiday of the institution (Algiers, UTC+1)
        cls.env["resource.calendar.leaves"].create(
            {
                "name": "Holiday",
                "calendar_id": cls.calendar.id,
                "date_from": datetime(2026, 3, 8, 23, 0),
                "date_to": datetime(2026, 3, 9, 22, 59),
            }
        )
        Complaint = cls.env["comms.complaint"]
        common = {"description": "x", "kind": "complaint"}
        cls.march = Complaint.create(
            [
                {
                    **common,
                    "subject": f"Waiting {index}",
                    "channel": "web",
                    "category_id": cls.cat_waiting.id,
                    "department_id": cls.dept_emergency.id,
                    "date_received": datetime(2026, 3, 5, 9, 0),
                }
                for index in range(3)
            ]
            + [
                {
                    **common,
                    "subject": "Billing",
                    "channel": "paper",
                    "category_id": cls.cat_billing.id,
                    "department_id": cls.dept_maternity.id,
                    "date_received": datetime(2026, 3, 12, 9, 0),
                },
                {
                    **common,
                    "kind": "petition",
                    "subject": "Petition for a pharmacy on duty",
                    "channel": "paper",
                    "date_received": datetime(2026, 3, 15, 9, 0),
                },
            ]
        )

    def _answer(self, complaints, moment, outcome="founded"):
        complaints.write({"outcome": outcome})
        with freeze_time(moment):
            complaints._mark_answered()

    # ------------------------------------------------------------
    # WORKING DAYS
    # ------------------------------------------------------------

    def test_working_days_across_weekend_and_holiday(self):
        """Received on Thursday, answered on Tuesday: Friday and Saturday are
        the weekend, Monday a holiday; Sunday and Tuesday are counted."""
        waiting = self.march[0]
        self._answer(waiting, "2026-03-10 10:00:00")
        self.assertEqual(waiting.working_days_to_answer, 2)
        self.assertEqual(waiting.days_to_answer, 5)
        line = self.env["comms.complaint.report"].search(
            [("complaint_id", "=", waiting.id)]
        )
        self.assertEqual(line.working_days_to_answer, 2)
        # the same day, and the next working day
        self._answer(self.march[1], "2026-03-05 15:00:00")
        self.assertEqual(self.march[1].working_days_to_answer, 0)
        self._answer(self.march[2], "2026-03-08 09:00:00")
        self.assertEqual(self.march[2].working_days_to_answer, 1)

    def test_working_days_count_as_deadlines_are_set(self):
        """Counting the working days up to a deadline gives back the days the
        deadline was set with."""
        company = self.company
        start = date(2026, 3, 5)
        ends = {
            days: company._comms_add_working_days(start, days) for days in (1, 3, 20)
        }
        counted = company._comms_count_working_days(
            {(start, end) for end in ends.values()}
        )
        for days, end in ends.items():
            self.assertEqual(counted[start, end], days, end)

    def test_working_days_stored_in_batch(self):
        """The calendar is read once per company for a whole batch of
        complaints answered together, in as many queries for 60 spans as for
        400."""
        complaints = self.env["comms.complaint"].create(
            [
                {
                    "subject": f"Batch {index}",
                    "description": "x",
                    "date_received": datetime(2026, 3, 1 + index % 10, 9, 0),
                }
                for index in range(20)
            ]
        )
        Company = type(self.company)
        counting = Company._comms_count_working_days
        with patch.object(
            Company,
            "_comms_count_working_days",
            autospec=True,
            side_effect=counting,
        ) as count:
            complaints.date_answered = datetime(2026, 3, 25, 9, 0)
            self.env.flush_all()
        self.assertEqual(count.call_count, 1)
        self.assertTrue(all(complaints.mapped("working_days_to_answer")))
        start = date(2026, 1, 1)

        def run(size):
            self.company._comms_count_working_days(
                {(start, start + timedelta(days=days)) for days in range(size)}
            )

        self.assertQueriesDoNotGrow(run, 60, 400)

    # ------------------------------------------------------------
    # FIGURES
    # ------------------------------------------------------------

    @users("comms_director")
    def test_dashboard_figures_match_the_register(self):
        """The dashboard's complaint figures are the register's for the same
        complaints, by category and by department."""
        self._answer(self.march[0], "2026-03-10 10:00:00")
        self._answer(self.march[3], "2026-05-20 10:00:00", outcome="unfounded")
        register = self.env["comms.complaint.register.report"]._get_register_data(
            date(2026, 3, 1), date(2026, 3, 31), self.company
        )
        Report = self.env["comms.complaint.report"]
        domain = [
            ("complaint_id", "in", self.march.ids),
            ("kind", "=", "complaint"),
        ]
        by_category = {
            category.name: (received, answered, on_time)
            for category, received, answered, on_time in Report._read_group(
                domain,
                ["category_id"],
                ["received_count:sum", "answered_count:sum", "on_time_count:sum"],
            )
        }
        self.assertEqual(
            by_category,
            {
                line["name"]: (line["count"], line["answered"], line["on_time"])
                for line in register["by_category"]
            },
        )
        by_department = {
            department.name: received
            for department, received in Report._read_group(
                domain, ["department_id"], ["received_count:sum"]
            )
        }
        self.assertEqual(
            by_department,
            {line["name"]: line["count"] for line in register["by_department"]},
        )
        [(received, answered, rate, days)] = Report._read_group(
            domain,
            [],
            [
                "received_count:sum",
                "answered_count:sum",
                "on_time_rate:avg",
                "working_days_to_answer:avg",
            ],
        )
        self.assertEqual(
            (received, answered), (register["total"], register["answered"])
        )
        self.assertEqual(rate, register["on_time_rate"])
        self.assertEqual(days, (2 + self.march[3].working_days_to_answer) / 2)
        # the register now breaks down by outcome and counts petitions
        self.assertEqual(
            {line["outcome"]: line["count"] for line in register["by_outcome"]},
            {"founded": 1, "unfounded": 1, False: 2},
        )
        self.assertEqual(register["petitions"], 1)

    def test_overdue_is_the_complaint_s_own(self):
        """The view's overdue complaints are those the register marks late."""
        with freeze_time("2026-04-30"):
            overdue = self.env["comms.complaint"].search(
                [("id", "in", self.march.ids), ("is_overdue", "=", True)]
            )
        self.assertTrue(overdue)
        # the view counts against today's date: these are all past by now
        lines = self.env["comms.complaint.report"].search(
            [("complaint_id", "in", self.march.ids), ("is_overdue", "=", True)]
        )
        self.assertEqual(lines.complaint_id, overdue)

    def test_dashboard_data_sources(self):
        """Every figure of the dashboard is a grouped read on a reporting view
        that answers, with measures and groups that exist."""
        with file_open(DASHBOARD) as dashboard_file:
            dashboard = json.load(dashboard_file)
        models = set()
        for pivot in dashboard["pivots"].values():
            Model = self.env[pivot["model"]]
            self.assertFalse(Model._auto, pivot["model"])
            models.add(pivot["model"])
            measures = [measure["id"] for measure in pivot["measures"]]
            groups = [row["fieldName"] for row in pivot["rows"]]
            Model._read_group(pivot["domain"], groups, measures)
        cells = dashboard["sheets"][0]["cells"]
        for figure in dashboard["sheets"][0]["figures"]:
            if figure["data"]["type"] == "scorecard":
                # a figure of a cell, itself a grouped read
                cell = figure["data"]["keyValue"].split("!")[1]
                self.assertTrue(cells[cell].startswith("=PIVOT.VALUE("), cell)
                continue
            meta = figure["data"]["metaData"]
            Model = self.env[meta["resModel"]]
            self.assertFalse(Model._auto, meta["resModel"])
            Model._read_group(
                figure["data"]["searchParams"]["domain"],
                meta["groupBy"],
                [f"{meta['measure']}:{Model._fields[meta['measure']].aggregator}"],
            )
        self.assertEqual(
            models,
            {"comms.complaint.report", "comms.media.report", "comms.office.report"},
        )
        record = self.env.ref("comms_office.spreadsheet_dashboard_comms_office")
        self.assertEqual(
            json.loads(record.spreadsheet_data)["pivots"], dashboard["pivots"]
        )

    # ------------------------------------------------------------
    # SECURITY
    # ------------------------------------------------------------

    def test_reporting_views_are_the_office_s(self):
        for model in (
            "comms.complaint.report",
            "comms.media.report",
            "comms.office.report",
        ):
            for user in (self.user_employee, self.user_staff):
                with self.assertRaises(AccessError, msg=f"{model} {user.login}"):
                    self.env[model].with_user(user).search([])
            for user in (self.user_officer, self.user_manager, self.user_director):
                self.env[model].with_user(user).search([])
                with self.assertRaises(AccessError):
                    self.env[model].with_user(user).create({})
        # no personal data in the complaint analysis
        for field in self.env["comms.complaint"]._comms_identity_fields:
            self.assertNotIn(field, self.env["comms.complaint.report"]._fields)

    def test_dashboard_is_the_office_s(self):
        Dashboard = self.env["spreadsheet.dashboard"]
        dashboard = self.env.ref("comms_office.spreadsheet_dashboard_comms_office")
        self.assertIn(dashboard, Dashboard.with_user(self.user_director).search([]))
        self.assertNotIn(dashboard, Dashboard.with_user(self.user_staff).search([]))
        action = Dashboard.with_user(self.user_director)._comms_action_open()
        self.assertEqual(action["params"], {"dashboard_id": dashboard.id})

    def test_public_corrective_action_is_the_head_s(self):
        complaint = self.march[0]
        values = {
            "corrective_action_public": True,
            "public_action_summary": "Un agent d'accueil de plus aux urgences.",
        }
        for user in (self.user_head_emergency, self.user_officer):
            with self.assertRaises(AccessError, msg=user.login):
                complaint.with_user(user).write(values)
        complaint.with_user(self.user_manager).write(values)
        self.assertTrue(complaint.corrective_action_public)
        # the register's own figure is never written by hand
        with self.assertRaises(AccessError):
            complaint.with_user(self.user_director).write({"working_days_to_answer": 1})

    # ------------------------------------------------------------
    # ANNUAL REPORT
    # ------------------------------------------------------------

    def _complaints_of_2026(self):
        return self.env["comms.complaint"].search_count(
            [
                ("kind", "=", "complaint"),
                ("date_received", ">=", "2026-01-01"),
                ("date_received", "<", "2027-01-01"),
            ]
        )

    def _annual_wizard(self, user):
        return (
            self.env["comms.annual.report.wizard"]
            .with_user(user)
            .create({"year": 2026})
        )

    def test_annual_report(self):
        self._answer(self.march[0], "2026-03-10 10:00:00")
        self.march[0].corrective_action = "Second reception desk opened."
        self.env["comms.recommendation"].create(
            {"name": "Answer faster", "date_due": date(2026, 6, 30)}
        )
        wizard = self._annual_wizard(self.user_director)
        self.assertEqual(wizard.action_print_pdf()["report_type"], "qweb-pdf")
        Report = self.env["ir.actions.report"].with_user(self.user_director)
        pdf, _type = Report.with_context(force_report_rendering=True)._render_qweb_pdf(
            "comms_office.action_report_comms_annual_report_pdf", wizard.ids
        )
        self.assertTrue(pdf.startswith(b"%PDF"))
        html = Report._render_qweb_html(
            "comms_office.action_report_comms_annual_report_pdf", wizard.ids
        )[0].decode()
        self.assertIn("<svg", html)
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
        self.assertIn("Annual Activity Report 2026", text)
        self.assertIn("Contents", text)
        for title in (
            "Campaigns and their results",
            "Media inquiries",
            "Complaints and suggestions",
            "Recommendations and their follow-up",
        ):
            self.assertEqual(text.count(title), 2, title)
        self.assertRegex(text, rf"Complaints received\s+{self._complaints_of_2026()}")
        self.assertRegex(text, r"Working days to answer \(average\)\s+2\.0")
        self.assertIn("Second reception desk opened.", text)
        self.assertRegex(text, r"Recommendations due this year:\s+1")

    def test_annual_report_xlsx(self):
        self._answer(self.march[0], "2026-03-10 10:00:00")
        wizard = self._annual_wizard(self.user_officer)
        content, report_type = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render("comms_office.action_report_comms_annual_report_xlsx", wizard.ids)
        )
        self.assertEqual(report_type, "xlsx")
        book = openpyxl.load_workbook(io.BytesIO(content))
        summary = {
            row[0]: row[1]
            for row in book["Summary"].iter_rows(values_only=True)
            if row and row[0]
        }
        self.assertEqual(summary["Complaints received"], self._complaints_of_2026())
        self.assertEqual(summary["Complaints answered"], 1)
        self.assertEqual(summary["Working days to answer (average)"], 2)
        months = list(book["Complaints by month"].iter_rows(values_only=True))
        self.assertEqual(months[1], ("March", 4))

    def test_annual_report_is_the_office_s(self):
        with self.assertRaises(AccessError):
            self._annual_wizard(self.user_staff)
