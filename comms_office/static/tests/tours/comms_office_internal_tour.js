/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";

function openInternalMenu(menuXmlid, content) {
    return [
        ...stepUtils.goToAppSteps(
            "comms_office.comms_office_menu_root",
            "Open the Communication app"
        ),
        {
            content: "Open the Internal menu",
            trigger:
                '.o_menu_sections [data-menu-xmlid="comms_office.comms_office_menu_internal"]',
            run: "click",
        },
        {
            content,
            trigger: `.dropdown-item[data-menu-xmlid="${menuXmlid}"]`,
            run: "click",
        },
    ];
}

// A head of department files a request, in French
registry.category("web_tour.tours").add("comms_office_request_file_tour", {
    url: "/odoo",
    steps: () => [
        ...openInternalMenu("comms_office.comms_request_menu", "Ouvrir les demandes"),
        {
            content: "Nouvelle demande",
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            content: "Objet de la demande",
            trigger:
                '.o_field_widget[name="name"] textarea, .o_field_widget[name="name"] input',
            run: "edit Annoncer l'ouverture de l'hôpital de jour",
        },
        {
            content: "Le service est rempli d'office",
            trigger:
                '.o_field_widget[name="department_id"] input:value("Pédiatrie Tour")',
        },
        {
            content: "Public visé",
            trigger: '.o_field_widget[name="audience"] input',
            run: "edit Parents de la wilaya",
        },
        {
            content: "Enregistrer",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "La demande est enregistrée",
            trigger: '.o_breadcrumb .active:contains("Annoncer l\'ouverture")',
        },
        {
            content: "La demande est soumise, avec son échéance",
            trigger:
                '.o_statusbar_status button.o_arrow_button_current:contains("Soumise")',
        },
    ],
});

// The officer turns it into a material
registry.category("web_tour.tours").add("comms_office_request_plan_tour", {
    url: "/odoo",
    steps: () => [
        ...openInternalMenu("comms_office.comms_request_menu", "Open the requests"),
        {
            content: "Open the request of the department",
            trigger:
                ".o_data_row:contains(\"Annoncer l'ouverture de l'hôpital de jour\") .o_data_cell[name='name']",
            run: "click",
        },
        {
            content: "Turn it into a material",
            trigger: 'button[name="action_create_material"]',
            run: "click",
        },
        {
            content: "The material opens, with the request's subject",
            trigger: '.o_form_view .o_breadcrumb .active:contains("hôpital de jour")',
        },
    ],
});

// The requester sees it progress
registry.category("web_tour.tours").add("comms_office_request_follow_tour", {
    url: "/odoo",
    steps: () => [
        ...openInternalMenu("comms_office.comms_request_menu", "Ouvrir les demandes"),
        {
            content: "Ouvrir sa demande",
            trigger:
                ".o_data_row:contains(\"Annoncer l'ouverture de l'hôpital de jour\") .o_data_cell[name='name']",
            run: "click",
        },
        {
            content: "Elle est planifiée",
            trigger:
                '.o_statusbar_status button.o_arrow_button_current:contains("Planifiée")',
        },
        {
            content: "Le support en cours de rédaction est affiché",
            trigger: '.o_comms_request_progress:contains("Brouillon")',
        },
    ],
});

// A staff member confirms reading a mandatory announcement on the notice board
registry.category("web_tour.tours").add("comms_office_announcement_confirm_tour", {
    url: "/odoo",
    steps: () => [
        ...openInternalMenu(
            "comms_office.comms_announcement_menu_board",
            "Ouvrir le tableau d'affichage"
        ),
        {
            content: "L'annonce obligatoire est affichée",
            trigger: '.o_kanban_record:contains("Protocole tour")',
        },
        {
            content: "Confirmer la lecture",
            trigger:
                '.o_kanban_record:contains("Protocole tour") button[name="action_confirm_read"]',
            run: "click",
        },
        {
            content: "La lecture est confirmée",
            trigger: '.o_kanban_record:contains("Protocole tour") .o_comms_confirmed',
        },
    ],
});
