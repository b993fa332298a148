# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError
from odoo.tests import tagged, users
from odoo.tools import mute_logger

from .common import CommsCommon


@tagged("post_install", "-at_install", "security")
class TestSecurity(CommsCommon):
    """What each role can read, write, create and delete, model by model."""

    # comms.media.list

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    @users("comms_employee")
    def test_media_list_employee(self):
        self.assertAccess(self.media_list, "----")

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    @users("comms_staff")
    def test_media_list_staff(self):
        self.assertAccess(self.media_list, "----")

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    @users("comms_officer")
    def test_media_list_officer(self):
        self.assertAccess(self.media_list, "rwc-")
        media_list = self.env["comms.media.list"].create({"name": "Mine"})
        media_list.write({"partner_ids": [(4, self.journalist_radio.id)]})
        self.assertEqual(media_list.member_count, 1)

    @users("comms_manager")
    def test_media_list_manager(self):
        self.assertAccess(self.media_list, "rwcu")

    @mute_logger("odoo.addons.base.models.ir_rule")
    @users("comms_manager")
    def test_media_list_other_company(self):
        # created by the superuser: a company joins its creator's companies
        other_company = self.env(user=SUPERUSER_ID)["res.company"].create(
            {"name": "EPH Voisin"}
        )
        foreign = (
            self.env["comms.media.list"]
            .sudo()
            .create({"name": "Their list", "company_id": other_company.id})
        )
        MediaList = self.env["comms.media.list"]
        self.assertNotIn(foreign, MediaList.search([]))
        with self.assertRaises(AccessError):
            foreign.with_user(self.env.user).read(["name"])
        # once the user works in both companies, the list is theirs too
        self.env.user.sudo().company_ids |= other_company
        self.assertIn(
            foreign,
            MediaList.with_context(
                allowed_company_ids=[self.company.id, other_company.id]
            ).search([]),
        )

    # comms.media.beat

    @mute_logger("odoo.addons.base.models.ir_model")
    @users("comms_employee")
    def test_media_beat_employee(self):
        self.assertAccess(self.beat_health, "----")

    @mute_logger("odoo.addons.base.models.ir_model")
    @users("comms_staff")
    def test_media_beat_staff(self):
        self.assertAccess(self.beat_health, "r---")

    @mute_logger("odoo.addons.base.models.ir_model")
    @users("comms_officer")
    def test_media_beat_officer(self):
        self.assertAccess(self.beat_health, "rwc-")

    @users("comms_manager")
    def test_media_beat_manager(self):
        self.assertAccess(self.beat_local, "rwcu")

    # res.partner: the media directory

    @mute_logger("odoo.addons.base.models.ir_model")
    @users("comms_staff")
    def test_media_contact_staff(self):
        """Staff may look a journalist up, not change the press file."""
        journalist = self.journalist_radio.with_user(self.env.user)
        self.assertEqual(journalist.media_kind, "radio")
        with self.assertRaises(AccessError):
            journalist.write({"media_kind": "tv"})
        with self.assertRaises(AccessError):
            self.env["res.partner"].create({"name": "X", "is_media": True})

    @users("comms_officer")
    def test_media_contact_officer(self):
        journalist = self.env["res.partner"].create(
            {"name": "Lina Officer", "parent_id": self.outlet_daily.id}
        )
        journalist.write({"media_list_ids": [(4, self.media_list.id)]})
        self.assertIn(journalist, self.media_list.partner_ids)

    def test_media_menus_by_role(self):
        """Settings are Odoo's: they need the Administration rights too."""
        menu = self.env.ref("comms_office.comms_media_list_menu")
        settings = self.env.ref("comms_office.comms_office_menu_settings")
        for user, sees_media, sees_settings in (
            (self.user_employee, False, False),
            (self.user_staff, False, False),
            (self.user_officer, True, False),
            (self.user_manager, True, False),
            (self.user_admin, True, True),
        ):
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            self.assertEqual(menu.id in visible, sees_media, user.login)
            self.assertEqual(settings.id in visible, sees_settings, user.login)
