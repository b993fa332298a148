# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged, users

from .crisis_common import CommsCrisisCommon

ACTIVATED = datetime(2026, 3, 10, 3, 0, 0)


@tagged("post_install", "-at_install")
class TestCrisis(CommsCrisisCommon):
    def test_members_copied_from_scenario(self):
        self.assertEqual(
            self.crisis.member_ids.user_id,
            self.user_manager | self.user_officer | self.user_expert,
        )
        self.assertEqual(self.crisis.lead_id, self.user_manager)
        self.assertEqual(self.crisis.medical_expert_id, self.user_expert)
        self.assertEqual(
            self.crisis.member_ids.filtered(lambda m: m.role == "medical_expert").phone,
            "+213 661 00 00 01",
        )

    @freeze_time(ACTIVATED)
    @users("comms_officer")
    def test_activation(self):
        crisis = self.crisis.with_user(self.env.user)
        crisis.action_activate()
        members = self.user_manager | self.user_officer | self.user_expert
        self.assertEqual(crisis.state, "initial")
        self.assertEqual(crisis.date_activated, ACTIVATED)
        # every member alerted: inbox message, email, activity
        alert = crisis.message_ids.filtered(
            lambda m: members.partner_id <= m.partner_ids
        )
        self.assertTrue(alert)
        mail = (
            self.env["mail.mail"]
            .sudo()
            .search([("model", "=", "comms.crisis"), ("res_id", "=", crisis.id)])
        )
        # by the notification (email preference) or by the alert's own mail
        self.assertEqual(mail.recipient_ids | mail.partner_ids, members.partner_id)
        activity_type = self.env.ref("comms_office.mail_activity_type_comms_crisis")
        alerted = crisis.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        self.assertEqual(alerted.user_id, members)
        self.assertTrue(members.partner_id <= crisis.message_partner_ids)
        # the crisis room and the first meeting
        room = crisis.channel_id.sudo()
        self.assertEqual(room.channel_member_ids.partner_id, members.partner_id)
        meeting = crisis.meeting_id.sudo()
        self.assertEqual(meeting.partner_ids, members.partner_id)
        self.assertEqual(meeting.start, ACTIVATED + timedelta(minutes=30))
        # the clocks
        self.assertEqual(
            crisis.clock_ids.mapped("date_due"),
            [ACTIVATED + timedelta(hours=h) for h in (2, 12, 24, 36, 48)],
        )
        self.assertEqual(crisis.next_clock_id.kind, "first_statement")
        self.assertEqual(crisis.next_clock_countdown, "2 h 0 min left")
        # the scenario's checklist
        plan = self.scenario.activity_plan_id
        todo = self.env.ref("mail.mail_activity_data_todo")
        checklist = crisis.activity_ids.filtered(lambda a: a.activity_type_id == todo)
        self.assertEqual(
            sorted(checklist.mapped("summary")),
            sorted(plan.template_ids.mapped("summary")),
        )
        # on the timeline
        self.assertEqual(set(crisis.log_ids.mapped("kind")), {"activation", "alert"})
        with self.assertRaises(UserError):
            crisis.action_activate()

    @users("comms_officer")
    def test_activation_needs_a_cell(self):
        crisis = self.env["comms.crisis"].create({"name": "Sans cellule"})
        with self.assertRaises(UserError):
            crisis.action_activate()

    def test_staff_cannot_activate(self):
        with self.assertRaises(AccessError):
            self.crisis.with_user(self.user_expert).action_activate()

    def test_clock_escalation(self):
        Clock = self.env["comms.crisis.clock"]
        with freeze_time(ACTIVATED):
            self.crisis.with_user(self.user_officer).action_activate()
        first = self.crisis.clock_ids.filtered(lambda c: c.kind == "first_statement")
        with freeze_time(ACTIVATED + timedelta(hours=1, minutes=59)):
            self.assertFalse(Clock._cron_escalate())
            first.invalidate_recordset(["countdown"])
            self.assertEqual(first.countdown, "0 h 1 min left")
        directors = self.env.ref("comms_office.group_comms_director").all_user_ids
        with freeze_time(ACTIVATED + timedelta(hours=2, minutes=1)):
            self.assertEqual(Clock._cron_escalate(), first)
            self.assertEqual(
                first.date_escalated, ACTIVATED + timedelta(hours=2, minutes=1)
            )
            first.invalidate_recordset(["countdown"])
            self.assertEqual(first.countdown, "Overdue by 0 h 1 min")
            overdue = self.crisis.activity_ids.filtered(
                lambda a: a.summary and a.summary.startswith("Overdue")
            )
            self.assertEqual(overdue.user_id, self.user_manager | directors)
            self.assertIn("clock", self.crisis.log_ids.mapped("kind"))
        # once per breach
        with freeze_time(ACTIVATED + timedelta(hours=3)):
            self.assertFalse(Clock._cron_escalate())
        # a reassessment done in time is kept and never escalated
        reassess = self.crisis.clock_ids.filtered(lambda c: c.kind == "reassess_12")
        with freeze_time(ACTIVATED + timedelta(hours=11)):
            reassess.with_user(self.user_officer).action_done()
        self.assertTrue(reassess.is_kept)
        with freeze_time(ACTIVATED + timedelta(hours=13)):
            self.assertFalse(Clock._cron_escalate())
        # a closed crisis escalates nothing
        self.crisis.with_user(self.user_officer).action_evaluate()
        with freeze_time(ACTIVATED + timedelta(hours=30)):
            self.assertFalse(Clock._cron_escalate())

    def test_fast_track_statement(self):
        with freeze_time(ACTIVATED):
            self.crisis.with_user(self.user_officer).action_activate()
        with freeze_time(ACTIVATED + timedelta(minutes=40)):
            action = self.crisis.with_user(self.user_officer).action_draft_statement()
            statement = self.env["comms.material"].browse(action["res_id"])
            self.assertEqual(statement.material_type, "statement")
            self.assertEqual(statement.crisis_version, 1)
            self.assertIn("v1", statement.name)
            self.assertIn("Where to get help", statement.body)
            statement.with_user(self.user_officer).action_request_approval()
            reviews = statement.sudo().review_ids
            # three reviewers, deciding at the same time
            self.assertEqual(len(reviews), 3)
            self.assertEqual(set(reviews.mapped("status")), {"pending"})
            director = self.env["res.users"].search(
                [
                    (
                        "group_ids",
                        "in",
                        self.env.ref("comms_office.group_comms_director").id,
                    )
                ],
                limit=1,
            )
            self._review(statement, self.user_expert, "Faits vérifiés.")
            self._review(statement, self.user_director)
            self.assertEqual(statement.state, "draft")
            self._review(statement, self.user_manager)
            self.assertEqual(statement.state, "approved")
            self.assertTrue(director)
        with freeze_time(ACTIVATED + timedelta(minutes=90)):
            statement.with_user(self.user_officer).action_publish()
        first = self.crisis.clock_ids.filtered(lambda c: c.kind == "first_statement")
        self.assertEqual(first.date_done, ACTIVATED + timedelta(minutes=90))
        self.assertTrue(first.is_kept)
        kinds = self.crisis.log_ids.mapped("kind")
        self.assertEqual(kinds.count("statement"), 2)
        self.assertIn("approval", kinds)
        # the second statement is v2
        action = self.crisis.with_user(self.user_officer).action_draft_statement()
        self.assertEqual(
            self.env["comms.material"].browse(action["res_id"]).crisis_version, 2
        )
        # the indicators of the crisis read it
        indicator = self.env["comms.indicator"].create(
            {
                "name": "Délai du premier communiqué",
                "crisis_id": self.crisis.id,
                "auto_source": "crisis_first_statement_minutes",
            }
        )
        self.assertEqual(indicator.actual, 90.0)

    def test_ordinary_statement_keeps_its_two_tiers(self):
        statement = self.env["comms.material"].create(
            {"name": "Déclaration", "material_type": "statement"}
        )
        statement.with_user(self.user_officer).action_request_approval()
        self.assertEqual(
            statement.sudo().review_ids.definition_id,
            self.env.ref("comms_office.tier_definition_material_head")
            | self.env.ref("comms_office.tier_definition_material_director"),
        )

    def test_timeline_append_only(self):
        entry = (
            self.env["comms.crisis.log"]
            .with_user(self.user_officer)
            .create(
                {
                    "crisis_id": self.crisis.id,
                    "name": "Décision : transfert de deux patients",
                    "kind": "decision",
                    "user_id": self.user_director.id,
                    "date": "2020-01-01 00:00:00",
                }
            )
        )
        # who and when are the server's
        self.assertEqual(entry.user_id, self.user_officer)
        self.assertNotEqual(entry.date.year, 2020)
        for user in (
            self.user_officer,
            self.user_manager,
            self.user_director,
            self.user_admin,
        ):
            with self.assertRaises(UserError):
                entry.with_user(user).write({"name": "Rien ne s'est passé"})
            with self.assertRaises(UserError):
                entry.with_user(user).unlink()
        # admin in the ORM, without superuser mode, is refused too
        with self.assertRaises(UserError):
            entry.with_user(self.env.ref("base.user_admin")).write({"name": "x"})
        with self.assertRaises(UserError):
            entry.with_user(self.env.ref("base.user_admin")).unlink()
        correction = (
            self.env["comms.crisis.log"]
            .with_user(self.user_officer)
            .create(
                {
                    "crisis_id": self.crisis.id,
                    "name": "Trois patients, non deux",
                    "kind": "correction",
                    "corrects_id": entry.id,
                }
            )
        )
        self.assertEqual(correction.corrects_id, entry)
        self.assertEqual(entry.name, "Décision : transfert de deux patients")

    @users("comms_officer")
    def test_rumour_workflow(self):
        with freeze_time(ACTIVATED):
            self.crisis.sudo().write({"state": "initial"})
            rumour = self.env["comms.rumour"].create(
                {
                    "name": "L'hôpital a laissé mourir des patients sans oxygène",
                    "crisis_id": self.crisis.id,
                    "seen_on": "Facebook",
                    "risk": "high",
                    "reach": 12000,
                }
            )
        self.assertEqual(rumour.date_target, ACTIVATED + timedelta(hours=2))
        self.assertIn("rumour", self.crisis.log_ids.mapped("kind"))
        with self.assertRaises(UserError):
            rumour.action_reopen()
        rumour.action_verify()
        self.assertEqual(rumour.state, "verifying")
        with self.assertRaises(UserError):
            rumour.action_debunk()
        rumour.write(
            {
                "fact": "<p>Aucun patient n'a manqué d'oxygène : les bouteilles de "
                "secours ont pris le relais en deux minutes.</p>",
                "published_where": "Page Facebook officielle",
            }
        )
        with freeze_time(ACTIVATED + timedelta(hours=1)):
            rumour.action_debunk()
        self.assertEqual(rumour.state, "debunked")
        self.assertTrue(rumour.answered_on_time)
        rumour.action_close()
        self.assertEqual(rumour.state, "closed")
        indicator = self.env["comms.indicator"].create(
            {
                "name": "Rumeurs traitées à temps",
                "crisis_id": self.crisis.id,
                "auto_source": "crisis_rumours_on_time",
            }
        )
        self.assertEqual(indicator.actual, 100.0)

    def test_message_map_word_count(self):
        mmap = self.env["comms.message.map"].create(
            {
                "name": "Faut-il venir aux urgences ?",
                "crisis_id": self.crisis.id,
                "key_message_1": "Les urgences restent ouvertes.",
                "key_message_2": "Les patients graves sont soignés.",
                "key_message_3": "Nous vous informerons à 18 h.",
            }
        )
        self.assertEqual(mmap.word_count, 15)
        self.assertEqual(mmap.seconds, 5)
        self.assertFalse(mmap.is_too_long)
        mmap.key_message_3 = " ".join(["mot"] * 20)
        self.assertTrue(mmap.is_too_long)
        self.assertEqual(mmap.seconds, 10)
        arabic = self.env["comms.message.map"].create(
            {
                "name": "هل المستشفى آمن؟",
                "crisis_id": self.crisis.id,
                "key_message_1": "مصلحة الاستعجالات مفتوحة ليلا ونهارا.",
            }
        )
        self.assertEqual(arabic.word_count, 5)

    def test_drill_labelled(self):
        drill = self._new_crisis(name="Exercice incendie", is_drill=True)
        with freeze_time(ACTIVATED):
            drill.with_user(self.user_officer).action_activate()
        label = "[EXERCISE]"
        self.assertTrue(drill.display_name.startswith(label))
        self.assertTrue(drill.channel_id.sudo().name.startswith(label))
        self.assertTrue(drill.meeting_id.sudo().name.startswith(label))
        mail = (
            self.env["mail.mail"]
            .sudo()
            .search([("model", "=", "comms.crisis"), ("res_id", "=", drill.id)])
        )
        self.assertTrue(mail)
        self.assertTrue(all(label in m.subject for m in mail), mail.mapped("subject"))
        action = drill.with_user(self.user_officer).action_draft_statement()
        statement = self.env["comms.material"].browse(action["res_id"])
        self.assertTrue(statement.name.startswith(label))
        self.assertIn("EXERCISE", statement.body)
        # in French and in Arabic
        for lang, word in (("fr_FR", "EXERCICE"), ("ar_001", "تمرين")):
            if self.env["res.lang"]._lang_get(lang):
                self.assertIn(word, drill.with_context(lang=lang)._drill_label())
        # a drill's press questions stay out of the statistics
        inquiry = self.env["comms.inquiry"].create(
            {"name": "Question d'exercice", "crisis_id": drill.id}
        )
        real = self.env["comms.inquiry"].create({"name": "Vraie question"})
        self.env.flush_all()
        reported = self.env["comms.inquiry.report"].search([]).mapped("id")
        self.assertIn(real.id, reported)
        self.assertNotIn(inquiry.id, reported)

    def test_early_warning_cluster(self):
        department = self.env["comms.department"].create(
            {"name": "Réanimation", "code": "T-REA"}
        )
        category = self.env.ref("comms_office.comms_complaint_category_waiting")
        Complaint = self.env["comms.complaint"]
        self.env["ir.config_parameter"].sudo().set_param(
            "comms_office.crisis_cluster_size", 4
        )
        with freeze_time(ACTIVATED):
            Complaint.create(
                [
                    {
                        "subject": f"Plainte {n}",
                        "description": "Pas de médecin de garde.",
                        "channel": "phone",
                        "department_id": department.id,
                        "category_id": category.id if n < 2 else False,
                    }
                    for n in range(4)
                ]
            )
        # an old complaint is outside the window
        with freeze_time(ACTIVATED - timedelta(days=5)):
            Complaint.create(
                {
                    "subject": "Ancienne",
                    "description": "x",
                    "channel": "phone",
                    "category_id": category.id,
                }
            )
        Crisis = self.env["comms.crisis"]
        with freeze_time(ACTIVATED + timedelta(hours=1)):
            proposed = Crisis._cron_early_warning()
            self.assertEqual(len(proposed), 1)
            self.assertEqual(proposed.state, "proposed")
            self.assertEqual(proposed.warning_department_id, department)
            self.assertIn("4", proposed.warning_note)
            self.assertEqual(len(proposed.statement_ids), 1)
            self.assertEqual(proposed.statement_ids.state, "draft")
            self.assertTrue(
                self.user_manager
                in proposed.activity_ids.filtered(
                    lambda a: a.summary and "Early warning" in a.summary
                ).user_id
            )
            self.assertFalse(proposed.date_activated)
            # proposed once
            self.assertFalse(Crisis._cron_early_warning())
