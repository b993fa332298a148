/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("comms_office_complaint_tour", {
    url: "/comms/complaint",
    steps: () => [
        {
            content: "Describe the problem",
            trigger: "input[name=subject]",
            run: "edit Tour: attente en radiologie",
        },
        {
            trigger: "textarea[name=description]",
            run: "edit Trois heures d'attente pour une radio du genou.",
        },
        {
            trigger: "input[name=name]",
            run: "edit Yasmine Tour",
        },
        {
            trigger: "input[name=email]",
            run: "edit yasmine.tour@example.dz",
        },
        {
            trigger: "input[name=consent]",
            run: "click",
        },
        {
            content: "Send the complaint",
            trigger: ".o_comms_complaint_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The reference is shown at once",
            trigger: "#complaint_confirmation .o_comms_reference:contains(REC-)",
        },
        stepUtils.goToUrl("/odoo/action-comms_office.comms_complaint_action"),
        {
            content: "Open the complaint in the back office",
            trigger:
                '.o_data_row td[name="subject"]:contains("Tour: attente en radiologie")',
            run: "click",
        },
        {
            content: "Start the investigation",
            trigger: 'button[name="action_investigate"]',
            run: "click",
        },
        {
            trigger:
                '.o_statusbar_status .o_arrow_button_current:contains("Investigation")',
        },
        {
            content: "Open the answer",
            trigger: '.o_notebook a[name="answer"]',
            run: "click",
        },
        {
            content: "Draft the answer",
            trigger: '.o_field_widget[name="answer"] .odoo-editor-editable',
            run: "editor Un second manipulateur a été affecté à la radiologie.",
        },
        {
            content: "Send the answer",
            trigger: 'button[name="action_send_answer"]',
            run: "click",
        },
        {
            content: "Confirm it goes to the complainant",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            trigger: '.o_statusbar_status .o_arrow_button_current:contains("Answered")',
        },
    ],
});
