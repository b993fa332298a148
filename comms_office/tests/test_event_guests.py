# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import Form, freeze_time, tagged, users

from .event_common import CommsEventCommon


@tagged("post_install", "-at_install")
class TestEventGuests(CommsEventCommon):
    """Invitations, answers, attendance and the counts by category."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.association = cls.env["res.partner"].create(
            {
                "name": "Association Diabète",
                "is_company": True,
                "email": "asso@diabete.test",
            }
        )
        cls.media_list.partner_ids |= cls.journalist_radio

    def _invitations(self, registrations):
        return (
            self.env["mail.mail"]
            .sudo()
            .search(
                [
                    ("model", "=", "event.registration"),
                    ("res_id", "in", registrations.ids),
                ]
            )
        )

    def _invite(self, event, **values):
        wizard = Form(
            self.env["comms.event.invite"].with_context(default_event_id=event.id)
        )
        for field_name, records in values.items():
            for record in records:
                getattr(wizard, field_name).add(record)
        wizard.save().action_invite()

    @users("comms_officer")
    def test_invite_media_list_staff_and_partners(self):
        event = self.event.with_user(self.env.user)
        self._invite(
            event,
            media_list_ids=self.media_list,
            user_ids=self.user_staff,
            partner_ids=self.citizen | self.association,
        )
        guests = event.registration_ids
        self.assertEqual(
            guests.partner_id,
            self.journalist_daily
            | self.journalist_radio
            | self.user_staff.partner_id
            | self.citizen
            | self.association,
        )
        self.assertEqual(set(guests.mapped("rsvp_status")), {"invited"})
        self.assertEqual(set(guests.mapped("state")), {"draft"})
        category = {guest.partner_id: guest.guest_category for guest in guests}
        self.assertEqual(category[self.journalist_daily], "media")
        self.assertEqual(category[self.journalist_radio], "media")
        self.assertEqual(category[self.user_staff.partner_id], "staff")
        self.assertEqual(category[self.citizen], "public")
        self.assertEqual(category[self.association], "partner")
        # one invitation per guest with an address (the citizen has none)
        mails = self._invitations(guests)
        self.assertEqual(len(mails), 4)
        self.assertEqual(mails.recipient_ids, guests.partner_id - self.citizen)
        journalist_mail = mails.filtered(
            lambda mail: self.journalist_daily in mail.recipient_ids
        )
        self.assertIn("Invitation", journalist_mail.subject)
        self.assertIn("Press conference: new maternity", journalist_mail.body_html)
        self.assertTrue(all(guests.filtered("email").mapped("invitation_sent")))
        self.assertEqual(event.guest_media_count, 2)
        self.assertEqual(event.guest_staff_count, 1)
        self.assertEqual(event.guest_public_count, 1)
        self.assertEqual(event.guest_partner_count, 1)
        self.assertEqual(event.guest_invited_count, 5)

    @users("comms_officer")
    def test_invite_twice_no_duplicate(self):
        event = self.event.with_user(self.env.user)
        self._invite(event, media_list_ids=self.media_list)
        first = event.registration_ids
        self.assertEqual(len(first), 2)
        # the same list again, and another contact with a journalist's address
        same_address = self.env["res.partner"].create(
            {"name": "Omar (second card)", "email": "OMAR@quotidien.test"}
        )
        wizard = self.env["comms.event.invite"].create(
            {
                "event_id": event.id,
                "media_list_ids": [(6, 0, self.media_list.ids)],
                "partner_ids": [(6, 0, (same_address | self.citizen).ids)],
            }
        )
        self.assertEqual(wizard.new_guest_count, 1)
        wizard.action_invite()
        self.assertEqual(
            event.registration_ids - first,
            event.registration_ids.filtered(
                lambda guest: guest.partner_id == self.citizen
            ),
        )
        self.assertEqual(len(self._invitations(event.registration_ids)), 2)
        nobody_new = self.env["comms.event.invite"].create(
            {"event_id": event.id, "media_list_ids": [(6, 0, self.media_list.ids)]}
        )
        with self.assertRaises(UserError):
            nobody_new.action_invite()

    @users("comms_officer")
    def test_rsvp_and_attendance(self):
        event = self.event.with_user(self.env.user)
        self._invite(
            event,
            media_list_ids=self.media_list,
            partner_ids=self.citizen | self.association,
        )
        by_partner = {guest.partner_id: guest for guest in event.registration_ids}
        by_partner[self.journalist_daily].action_rsvp_confirm()
        by_partner[self.journalist_radio].action_rsvp_decline()
        by_partner[self.citizen].action_rsvp_confirm()
        by_partner[self.association].action_rsvp_confirm()
        self.assertEqual(by_partner[self.journalist_daily].state, "open")
        self.assertEqual(by_partner[self.journalist_radio].state, "cancel")
        # on the day
        by_partner[self.journalist_daily].action_rsvp_attended()
        by_partner[self.association].action_rsvp_no_show()
        self.assertEqual(by_partner[self.journalist_daily].state, "done")
        self.assertEqual(by_partner[self.association].state, "open")
        self.assertEqual(by_partner[self.association].rsvp_status, "no_show")
        # the Events app's own registration desk agrees
        by_partner[self.citizen].action_set_done()
        self.assertEqual(by_partner[self.citizen].rsvp_status, "attended")
        walk_in = Form(
            self.env["event.registration"].with_context(
                **event.action_add_walk_in()["context"]
            ),
            view="comms_office.event_registration_view_form_walk_in",
        )
        walk_in.name = "Visitor without invitation"
        walk_in.guest_category = "public"
        walk_in = walk_in.save()
        self.assertEqual(walk_in.rsvp_status, "attended")
        self.assertTrue(walk_in.is_walk_in)
        self.assertEqual(walk_in.state, "done")

        self.assertEqual(event.guest_confirmed_count, 0)
        self.assertEqual(event.guest_declined_count, 1)
        self.assertEqual(event.guest_attended_count, 3)
        self.assertEqual(event.guest_no_show_count, 1)
        self.assertEqual(event.guest_walk_in_count, 1)
        # declined guests are not counted as guests
        self.assertEqual(event.guest_count, 4)
        self.assertEqual(event.guest_media_count, 1)
        self.assertEqual(event.guest_public_count, 2)
        self.assertEqual(event.guest_partner_count, 1)
        # one definition of the figures wherever they show: four invited (the
        # walk-in was not), four expected (not declined, the walk-in
        # included), three attended: 75 %
        self.assertEqual(event.guest_invitation_count, 4)
        self.assertEqual(event.guest_expected_count, 4)
        self.assertEqual(event.attendance_rate_display, "75.0 %")
        self.assertEqual(
            event.with_context(lang="fr_FR").attendance_rate_display, "75,0 %"
        )
        rows = {row["label"]: row for row in event._get_attendance_by_category()}
        self.assertEqual((rows["Media"]["invited"], rows["Media"]["attended"]), (2, 1))
        self.assertEqual(rows["Media"]["rate_display"], "100.0 %")
        self.assertEqual(
            (rows["Public"]["invited"], rows["Public"]["attended"]), (1, 2)
        )
        self.assertEqual(rows["Staff"]["rate_display"], "—", "nobody expected")
        self.assertEqual(
            (
                rows["Total"]["invited"],
                rows["Total"]["attended"],
                rows["Total"]["rate_display"],
            ),
            (4, 3, "75.0 %"),
        )
        report = self.env.ref("comms_office.action_report_event_event_evaluation")
        html = report._render_qweb_html(report.report_name, event.ids)[0].decode()
        self.assertRegex(
            html,
            r"Total</td>\s*<td[^>]*>4</td>\s*<td[^>]*>4</td>\s*<td[^>]*>3</td>\s*"
            r"<td[^>]*>75.0 %",
        )

    @users("comms_officer")
    def test_rsvp_is_read_from_the_registration_state(self):
        """Odoo's registration state is the answer: whatever moves it, the RSVP
        follows, and a no-show is a registered guest only."""
        event = self.event.with_user(self.env.user)
        self._invite(event, partner_ids=self.association)
        guest = event.registration_ids
        self.assertEqual((guest.state, guest.rsvp_status), ("draft", "invited"))
        guest.action_confirm()
        self.assertEqual(guest.rsvp_status, "confirmed")
        guest.action_rsvp_no_show()
        self.assertEqual((guest.state, guest.rsvp_status), ("open", "no_show"))
        # cancelled, then registered again by the Events app: no longer a no-show
        guest.action_cancel()
        self.assertEqual(guest.rsvp_status, "declined")
        guest.action_confirm()
        self.assertEqual(guest.rsvp_status, "confirmed")
        self.assertFalse(guest.is_no_show)
        # an import or a list that writes the RSVP moves the state
        guest.rsvp_status = "attended"
        self.assertEqual(guest.state, "done")

    @users("comms_officer")
    def test_confirmed_guests_get_reminders(self):
        """The type's reminders go to guests who confirmed, not to those invited."""
        event = self.event.with_user(self.env.user)
        self.assertEqual(event.event_mail_ids.mapped("interval_type"), ["before_event"])
        self._invite(event, partner_ids=self.association | self.journalist_daily)
        confirmed = event.registration_ids.filtered(
            lambda guest: guest.partner_id == self.association
        )
        confirmed.action_rsvp_confirm()
        reminder = event.event_mail_ids.sudo()
        self.assertEqual(reminder.scheduled_date, self.date_begin - timedelta(days=1))
        with freeze_time(self.date_begin - timedelta(hours=20)):
            reminder.execute()
        reminded = (
            self.env["mail.mail"]
            .sudo()
            .search(
                [
                    ("model", "=", "event.registration"),
                    ("subject", "not ilike", "Invitation"),
                ]
            )
        )
        self.assertEqual(reminded.mapped("res_id"), confirmed.ids)

    @users("comms_officer")
    def test_guest_counts_query_count(self):
        """Counts for many events come from grouped queries, whatever their number."""
        events = (
            self.env["event.event"]
            .sudo()
            .create(
                [
                    {
                        "name": f"Event {index}",
                        "event_type_id": self.type_press.id,
                        "date_begin": self.date_begin + timedelta(days=index),
                    }
                    for index in range(20)
                ]
            )
        )
        self.env["event.registration"].sudo().create(
            [
                {"event_id": event.id, "partner_id": partner.id, "rsvp_status": status}
                for event in events
                for partner, status in (
                    (self.citizen, "attended"),
                    (self.journalist_daily, "confirmed"),
                    (self.association, "declined"),
                )
            ]
        )
        events = events.with_user(self.env.user)
        self.assertQueriesDoNotGrow(
            lambda records: records.mapped("guest_count"), events[:2], events
        )
        for event in events:
            self.assertEqual(event.guest_count, 2)
            self.assertEqual(event.guest_attended_count, 1)
            self.assertEqual(event.guest_media_count, 1)
