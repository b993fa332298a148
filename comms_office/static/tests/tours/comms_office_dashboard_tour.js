/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";

// The director, in Arabic: opens the office's dashboard and drills into the
// complaints that are overdue.
registry.category("web_tour.tours").add("comms_office_dashboard_director_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps(
            "comms_office.comms_office_menu_root",
            "Open the Communication app"
        ),
        {
            content: "Open the office's dashboard",
            trigger:
                '.o_menu_sections [data-menu-xmlid="comms_office.comms_office_dashboard_menu"]',
            run: "click",
        },
        {
            content: "The dashboard opens, right to left, on the office's figures",
            trigger:
                "body.o_rtl .o_spreadsheet_dashboard_action .o-figure[data-id='comms-overdue-now'] canvas",
        },
        {
            content: "Its name is the office's, in Arabic",
            trigger: ".o_spreadsheet_dashboard_action:contains('مكتب الاتصال')",
        },
        {
            content: "Drill into the overdue complaints",
            trigger: ".o-figure[data-id='comms-overdue-now'] canvas",
            run: "click",
        },
        {
            content: "The overdue complaints are listed",
            trigger:
                '.o_list_view .o_data_row td[name="subject"]:contains("Tour: dossier en retard")',
        },
        {
            content: "Only the overdue ones",
            trigger:
                '.o_list_view:not(:has(.o_data_row:contains("Tour: dans les délais")))',
        },
    ],
});
