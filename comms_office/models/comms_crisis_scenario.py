# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields, models

SCENARIO_KINDS = [
    ("outbreak", "Outbreak or Epidemic"),
    ("care_incident", "Death or Serious Incident in Care"),
    ("violence", "Violence against Staff"),
    ("strike", "Strike"),
    ("outage", "Outage (Power, Water, Oxygen)"),
    ("mass_casualty", "Mass-Casualty Event"),
    ("data_breach", "Personal Data Breach"),
    ("rumour", "Viral False Rumour"),
]
CRISIS_SEVERITIES = [
    ("1", "Minor"),
    ("2", "Moderate"),
    ("3", "Major"),
    ("4", "Critical"),
]


class CommsCrisisScenario(models.Model):
    """A crisis kit prepared before the crisis: what to weigh, who acts, what
    to do and what to say first."""

    _name = "comms.crisis.scenario"
    _description = "Crisis Scenario"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(SCENARIO_KINDS, required=True, default="care_incident")
    default_severity = fields.Selection(CRISIS_SEVERITIES, default="2", required=True)
    severity_guidance = fields.Text(
        translate=True,
        help="What makes this crisis minor, moderate, major or critical.",
    )
    cell_roles = fields.Text(
        string="Roles in the Cell",
        translate=True,
        help="Who the cell needs for this scenario and what each one does.",
    )
    member_ids = fields.One2many(
        "comms.crisis.member",
        "scenario_id",
        string="Standing Cell",
        help="Members alerted when a crisis is activated from this scenario.",
    )
    activity_plan_id = fields.Many2one(
        "mail.activity.plan",
        string="Action Checklist",
        domain="[('res_model', '=', 'comms.crisis')]",
        help="Logistics and actions scheduled on the crisis at its activation.",
    )
    holding_statement = fields.Html(
        string="Holding Statement Template",
        translate=True,
        sanitize_style=True,
        help="CERC first message: empathy, confirmed facts, what is not known "
        "yet, what is being done, when the next update comes, where to get help.",
    )
    message_map_ids = fields.One2many(
        "comms.message.map", "scenario_id", string="Message Maps"
    )
    complaint_category_ids = fields.Many2many(
        "comms.complaint.category",
        string="Warning Categories",
        help="A cluster of complaints in these categories proposes this scenario.",
    )

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _crisis_member_commands(self):
        """The standing cell, as the cell of a new crisis."""
        self.ensure_one()
        return [
            Command.create(
                {
                    "sequence": member.sequence,
                    "user_id": member.user_id.id,
                    "role": member.role,
                    "phone": member.phone,
                    "backup_user_id": member.backup_user_id.id,
                }
            )
            for member in self.member_ids
        ]
