# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import Form, tagged, users

from .common import CommsCommon


@tagged("post_install", "-at_install")
class TestMediaContact(CommsCommon):
    """A journalist's record opens on what the office needs of them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.inquiry = cls.env["comms.inquiry"].create(
            {"name": "Ambulances", "partner_id": cls.journalist_radio.id}
        )
        cls.coverage = cls.env["comms.coverage"].create(
            {
                "name": "New ambulances on the road",
                "outlet_id": cls.outlet_radio.id,
                "journalist_id": cls.journalist_radio.id,
            }
        )
        material = cls.env["comms.material"].create({"name": "Press release"})
        cls.dispatch = cls.env["comms.material.dispatch"].create(
            {
                "material_id": material.id,
                "variant_id": material.id,
                "partner_id": cls.journalist_radio.id,
                "email": cls.journalist_radio.email,
            }
        )

    def test_media_directory_opens_the_media_form(self):
        action = self.env.ref("comms_office.res_partner_action_media")
        form = action.view_ids.filtered(lambda v: v.view_mode == "form")
        self.assertEqual(
            form.view_id, self.env.ref("comms_office.res_partner_view_form_media")
        )

    @users("comms_officer")
    def test_create_journalist_from_the_media_form(self):
        Partner = self.env["res.partner"].with_context(default_is_media=True)
        with Form(Partner, view="comms_office.res_partner_view_form_media") as form:
            form.name = "Lina Form"
            form.parent_id = self.outlet_daily
            form.function = "Health reporter"
            form.email = "lina@quotidien.test"
            form.media_contact_channel = "whatsapp"
            form.media_beat_ids.add(self.beat_health)
        journalist = form.record
        self.assertTrue(journalist.is_media)
        self.assertEqual(journalist.parent_id, self.outlet_daily)
        self.assertEqual(journalist.media_language_ids, self.lang_fr, "the outlet's")

    @users("comms_officer")
    def test_what_the_journalist_and_the_outlet_received(self):
        journalist = self.journalist_radio.with_user(self.env.user)
        outlet = self.outlet_radio.with_user(self.env.user)
        for partner in (journalist, outlet):
            self.assertEqual(
                (
                    partner.comms_inquiry_count,
                    partner.comms_coverage_count,
                    partner.comms_dispatch_count,
                ),
                (1, 1, 1),
                partner.name,
            )
        self.assertEqual(self.journalist_daily.comms_inquiry_count, 0)
        for partner in (journalist, outlet):
            for method, model, record in (
                ("action_view_comms_inquiries", "comms.inquiry", self.inquiry),
                ("action_view_comms_coverage", "comms.coverage", self.coverage),
                (
                    "action_view_comms_dispatches",
                    "comms.material.dispatch",
                    self.dispatch,
                ),
            ):
                action = getattr(partner, method)()
                self.assertEqual(action["res_model"], model)
                self.assertEqual(self.env[model].search(action["domain"]), record)

    @users("comms_officer")
    def test_inquiries_name_the_journalist_once(self):
        journalist = self.journalist_radio.with_user(self.env.user)
        self.assertEqual(journalist.display_name, "Radio Test Locale, Samira Radio")
        self.assertEqual(
            journalist.with_context(
                partner_display_name_hide_company=True
            ).display_name,
            "Samira Radio",
        )
        views = self.env["comms.inquiry"].get_views(
            [(False, "kanban"), (False, "list")]
        )
        for view in views["views"].values():
            self.assertIn("partner_display_name_hide_company", view["arch"])

    @users("comms_officer")
    def test_open_inquiries_board_shows_open_columns(self):
        # as the kanban asks for its columns
        Inquiry = self.env["comms.inquiry"].with_context(read_group_expand=True)
        self.inquiry.with_user(self.env.user).action_cancel()
        groups = Inquiry.web_read_group(
            [("stage", "in", ("new", "in_progress"))], ["stage"], ["__count"]
        )["groups"]
        self.assertEqual([g["stage"] for g in groups], ["new", "in_progress"])
        groups = Inquiry.web_read_group([], ["stage"], ["__count"])["groups"]
        self.assertEqual([g["stage"] for g in groups], ["new", "in_progress", "cancel"])
