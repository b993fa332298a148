# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestToursMedia(HttpCase):
    def test_tour_press_release(self):
        mail_new_test_user(
            self.env,
            login="tour_head",
            groups="comms_office.group_comms_manager",
            name="Tour Head",
            email="head@tour.test",
        )
        journalist = self.env["res.partner"].create(
            {"name": "Tour Journalist", "email": "journalist@tour.test"}
        )
        journalist.is_media = True
        self.env["comms.media.list"].create(
            {"name": "Tour press list", "partner_ids": [(6, 0, journalist.ids)]}
        )
        self.start_tour("/odoo", "comms_office_press_release_tour", login="tour_head")
        material = self.env["comms.material"].search(
            [("name", "=", "Tour maternity ward opens")]
        )
        self.assertEqual(material.state, "approved")
        self.assertEqual(material.dispatch_ids.partner_id, journalist)
        self.assertTrue(material.dispatch_ids.trace_id)
