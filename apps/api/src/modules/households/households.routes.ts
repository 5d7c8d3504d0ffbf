import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { householdTemplateXlsx } from './households-file';

const TEMPLATE_NAME = 'mau-nhap-ho-gia-dinh.xlsx';

export const householdsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/households/template',
    {
      schema: {
        tags: ['households'],
        summary: 'Tệp mẫu nhập hộ gia đình (.xlsx) / Households import template',
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (_request, reply) => {
      const workbook = await householdTemplateXlsx();
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${TEMPLATE_NAME}"`)
        .send(workbook);
    },
  );
};
