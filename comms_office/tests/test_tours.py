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
