# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Communication Office",
    "summary": "The communication office of a public institution: media, "
    "campaigns, events, complaints, crisis and health awareness",
    "version": "19.0.1.0.0",
    "category": "Marketing/Communication",
    "website": "https://github.com/comms-office/comms_office",
    "author": "Comms Office contributors",
    "license": "AGPL-3",
    "application": True,
    "depends": [
        "mail",
        "calendar",
        "contacts",
        "resource",
        "portal",
        "utm",
        "mass_mailing",
        "survey",
        "event",
        "base_tier_validation",
        "report_xlsx",
    ],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        # security
        "security/comms_office_groups.xml",
        "security/comms_office_security.xml",
        "security/ir.model.access.csv",
        # data
        "data/resource_calendar_data.xml",
        "data/comms_media_beat_data.xml",
        "data/comms_channel_data.xml",
        "data/comms_campaign_stage_data.xml",
        "data/mail_activity_type_data.xml",
        "data/tier_definition_data.xml",
        # views
        "views/res_partner_views.xml",
        "views/comms_media_list_views.xml",
        "views/comms_media_beat_views.xml",
        "views/res_config_settings_views.xml",
        "views/comms_channel_views.xml",
        "views/comms_audience_views.xml",
        "views/comms_campaign_stage_views.xml",
        "views/comms_plan_views.xml",
        "views/comms_campaign_views.xml",
        "views/comms_campaign_milestone_views.xml",
        "views/comms_indicator_views.xml",
        "views/comms_recommendation_views.xml",
        "views/comms_editorial_calendar_views.xml",
        # reports
        "report/comms_campaign_reports.xml",
        "report/comms_campaign_templates.xml",
        # menus
        "views/comms_office_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/comms_media_list_demo.xml",
        "demo/comms_campaign_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "comms_office/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
