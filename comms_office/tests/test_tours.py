# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestTours(HttpCase):
    def test_tour_journalist_in_media_list(self):
        mail_new_test_user(
            self.env,
            login="tour_officer",
            groups="comms_office.group_comms_officer",
            name="Tour Officer",
        )
        outlet = self.env["res.partner"].create(
            {
                "name": "Radio Tour",
                "is_company": True,
                "is_media": True,
                "media_kind": "radio",
                "media_coverage": "local",
            }
        )
        media_list = self.env["comms.media.list"].create(
            {"name": "Tour health journalists"}
        )
        self.start_tour("/odoo", "comms_office_media_tour", login="tour_officer")
        journalist = self.env["res.partner"].search([("name", "=", "Kamel Tour")])
        self.assertEqual(len(journalist), 1)
        self.assertEqual(journalist.parent_id, outlet)
        self.assertTrue(journalist.is_media)
        self.assertEqual(journalist.media_kind, "radio")
        self.assertEqual(media_list.partner_ids, journalist)

    def test_tour_campaign_draft_to_mailing(self):
        head = mail_new_test_user(
            self.env,
            login="tour_head",
            groups="comms_office.group_comms_manager",
            name="Tour Head",
        )
        mailing_list = self.env["mailing.list"].create(
            {
                "name": "Tour parents",
                "contact_ids": [(0, 0, {"name": "P", "email": "p@tour.test"})],
            }
        )
        audience = self.env["comms.audience"].create(
            {"name": "Tour parents", "mailing_list_ids": [(6, 0, mailing_list.ids)]}
        )
        campaign = self.env["comms.campaign"].create(
            {
                "name": "Tour vaccination campaign",
                "user_id": head.id,
                "budget": 1000.0,
                "audience_ids": [(6, 0, audience.ids)],
            }
        )
        self.start_tour("/odoo", "comms_office_campaign_tour", login="tour_head")
        self.assertEqual(campaign.state, "approved")
        self.assertEqual(campaign.review_ids.comment, "Clear objectives, go ahead.")
        mailing = self.env["mailing.mailing"].search(
            [("campaign_id", "=", campaign.utm_campaign_id.id)]
        )
        self.assertEqual(len(mailing), 1)
        self.assertEqual(mailing.contact_list_ids, mailing_list)

    def test_tour_event_invite_and_attendance(self):
        mail_new_test_user(
            self.env,
            login="tour_event_officer",
            groups="comms_office.group_comms_officer",
            name="Tour Event Officer",
        )
        journalist = self.env["res.partner"].create(
            {
                "name": "Nadia Tour",
                "email": "nadia.tour@radio.test",
                "is_media": True,
            }
        )
        self.env["comms.media.list"].create(
            {"name": "Tour journalists", "partner_ids": [(6, 0, journalist.ids)]}
        )
        self.start_tour("/odoo", "comms_office_event_tour", login="tour_event_officer")
        event = self.env["event.event"].search([("name", "=", "Tour press conference")])
        self.assertEqual(len(event), 1)
        self.assertTrue(event.is_comms_event)
        self.assertTrue(event.calendar_event_id)
        self.assertEqual(
            event.event_type_id,
            self.env.ref("comms_office.event_type_press_conference"),
        )
        guest = event.registration_ids
        self.assertEqual(guest.partner_id, journalist)
        self.assertEqual(guest.guest_category, "media")
        self.assertEqual(guest.rsvp_status, "attended")
        self.assertTrue(guest.invitation_sent)
        self.assertEqual(event.guest_attended_count, 1)
