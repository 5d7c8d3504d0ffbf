import {
  AddConsentRequest,
  AddHouseholdCategoryRequest,
  AddPersonResponse,
  CreateHouseholdCategoryRequest,
  CreateHouseholdCategoryResponse,
  CreateHouseholdRequest,
  CreateHouseholdResponse,
  CulturalFamilyParams,
  CulturalFamilyRecord,
  EndCategoryResponse,
  EndRecordRequest,
  ErasureQuery,
  ExportHouseholdsQuery,
  HouseholdDetail,
  HouseholdDetailQuery,
  HouseholdIdParams,
  IdResponse,
  ListDuplicatesQuery,
  ListDuplicatesResponse,
  ListHouseholdCategoriesResponse,
  ListHouseholdsQuery,
  ListHouseholdsResponse,
  ListPersonsQuery,
  ListPersonsResponse,
  MoveHouseholdRequest,
  PersonExport,
  PersonIdParams,
  PersonInput,
  PutCulturalFamilyRequest,
  RecordIdParams,
  ResolveDuplicateRequest,
  ResolveDuplicateResponse,
  RevealPersonRequest,
  RevealPersonResponse,
  todayInVietnam,
  UpdateHouseholdRequest,
  UpdatePersonRequest,
  WithdrawConsentResponse,
} from '@doanket/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/http';
import * as service from './households.service';
import { householdTemplateXlsx } from './households-file';
import * as persons from './persons.service';

const TEMPLATE_NAME = 'mau-nhap-ho-gia-dinh.xlsx';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const withUnavailable = { ...errorResponses, 503: errorResponses[400] };

export const householdsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['households'];

  app.get(
    '/households/template',
    {
      schema: {
        tags,
        summary: 'Tệp mẫu nhập hộ gia đình (.xlsx) / Households import template',
        produces: [XLSX],
      },
    },
    async (_request, reply) => {
      const workbook = await householdTemplateXlsx();
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${TEMPLATE_NAME}"`)
        .send(workbook);
    },
  );

  app.get(
    '/household-categories',
    {
      schema: {
        tags,
        summary: 'Danh mục diện hộ / Household categories',
        response: { 200: ListHouseholdCategoriesResponse, ...errorResponses },
      },
    },
    async (request) => service.listCategories({ db: app.db, ctx: request.ctx }),
  );

  app.post(
    '/household-categories',
    {
      schema: {
        tags,
        summary: 'Thêm diện hộ vào danh mục / Add a household category',
        body: CreateHouseholdCategoryRequest,
        response: { 201: CreateHouseholdCategoryResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.createCategory({ db: app.db, ctx: request.ctx, input: request.body })),
  );

  app.get(
    '/households',
    {
      schema: {
        tags,
        summary: 'Danh sách hộ của một đơn vị vào một ngày / Households of a unit on a date',
        querystring: ListHouseholdsQuery,
        response: { 200: ListHouseholdsResponse, ...errorResponses },
      },
    },
    async (request) => service.listHouseholds({ db: app.db, ctx: request.ctx, query: request.query }),
  );

  app.get(
    '/households/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất danh sách hộ ra Excel (không có số CCCD) / Export the list to .xlsx',
        querystring: ExportHouseholdsQuery,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const workbook = await service.exportHouseholds({ db: app.db, ctx: request.ctx, query: request.query });
      const at = request.query.at ?? todayInVietnam();
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="ho-gia-dinh-${request.query.unit}-${at}.xlsx"`)
        .send(workbook);
    },
  );

  app.post(
    '/households',
    {
      schema: {
        tags,
        summary: 'Thêm hộ gia đình với các thành viên / Add a household with its members',
        body: CreateHouseholdRequest,
        response: { 201: CreateHouseholdResponse, ...withUnavailable },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await service.createHousehold({
          db: app.db,
          ctx: request.ctx,
          sealer: app.sealer,
          input: request.body,
        }),
      ),
  );

  app.get(
    '/households/:id',
    {
      schema: {
        tags,
        summary: 'Hộ gia đình: thành viên, nơi ở qua các thời kỳ, diện hộ… / A household',
        params: HouseholdIdParams,
        querystring: HouseholdDetailQuery,
        response: { 200: HouseholdDetail, ...errorResponses },
      },
    },
    async (request) =>
      service.getHousehold({ db: app.db, ctx: request.ctx, id: request.params.id, at: request.query.at }),
  );

  app.patch(
    '/households/:id',
    {
      schema: {
        tags,
        summary: 'Sửa mã hộ, địa chỉ, điện thoại / Change code, address, phone',
        params: HouseholdIdParams,
        body: UpdateHouseholdRequest,
        response: { 200: HouseholdDetail, ...errorResponses },
      },
    },
    async (request) =>
      service.updateHousehold({ db: app.db, ctx: request.ctx, id: request.params.id, input: request.body }),
  );

  app.post(
    '/households/:id/move',
    {
      schema: {
        tags,
        summary: 'Chuyển hộ sang tổ dân phố khác từ một ngày / Move to another residential group',
        params: HouseholdIdParams,
        body: MoveHouseholdRequest,
        response: { 200: HouseholdDetail, ...errorResponses },
      },
    },
    async (request) =>
      service.moveHousehold({ db: app.db, ctx: request.ctx, id: request.params.id, input: request.body }),
  );

  app.delete(
    '/households/:id',
    {
      schema: {
        tags,
        summary: 'Xóa hộ theo yêu cầu (nhật ký chỉ ghi việc xóa) / Erase a household on request',
        params: HouseholdIdParams,
        querystring: ErasureQuery,
        response: { 204: z.undefined(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await service.eraseHousehold({
        db: app.db,
        ctx: request.ctx,
        id: request.params.id,
        reason: request.query.reason,
      });
      return reply.code(204).send();
    },
  );

  app.post(
    '/households/:id/persons',
    {
      schema: {
        tags,
        summary: 'Thêm nhân khẩu / Add a person',
        params: HouseholdIdParams,
        body: PersonInput,
        response: { 201: AddPersonResponse, ...withUnavailable },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await persons.addPerson({
          db: app.db,
          ctx: request.ctx,
          sealer: app.sealer,
          householdId: request.params.id,
          input: request.body,
        }),
      ),
  );

  app.get(
    '/persons',
    {
      schema: {
        tags,
        summary: 'Nhân khẩu của một đơn vị, xếp theo tên / Residents of a unit in name order',
        querystring: ListPersonsQuery,
        response: { 200: ListPersonsResponse, ...errorResponses },
      },
    },
    async (request) => persons.listPersons({ db: app.db, ctx: request.ctx, query: request.query }),
  );

  app.patch(
    '/persons/:id',
    {
      schema: {
        tags,
        summary: 'Sửa nhân khẩu / Change a person',
        params: PersonIdParams,
        body: UpdatePersonRequest,
        response: { 200: IdResponse, ...withUnavailable },
      },
    },
    async (request) =>
      persons.updatePerson({
        db: app.db,
        ctx: request.ctx,
        sealer: app.sealer,
        id: request.params.id,
        input: request.body,
      }),
  );

  app.delete(
    '/persons/:id',
    {
      schema: {
        tags,
        summary: 'Xóa nhân khẩu theo yêu cầu / Erase a person on request',
        params: PersonIdParams,
        querystring: ErasureQuery,
        response: { 204: z.undefined(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await persons.erasePerson({
        db: app.db,
        ctx: request.ctx,
        id: request.params.id,
        reason: request.query.reason,
      });
      return reply.code(204).send();
    },
  );

  app.post(
    '/persons/:id/reveal',
    {
      schema: {
        tags,
        summary: 'Xem dữ liệu nhạy cảm (ghi nhật ký) / Reveal sensitive fields (audited)',
        params: PersonIdParams,
        body: RevealPersonRequest,
        response: { 200: RevealPersonResponse, ...withUnavailable },
      },
    },
    async (request) =>
      persons.revealPerson({
        db: app.db,
        ctx: request.ctx,
        sealer: app.sealer,
        id: request.params.id,
        fields: request.body.fields,
      }),
  );

  app.get(
    '/persons/:id/export',
    {
      schema: {
        tags,
        summary: 'Mọi dữ liệu về một người (ghi nhật ký) / Everything held on a person (audited)',
        params: PersonIdParams,
        response: { 200: PersonExport, ...withUnavailable },
      },
    },
    async (request, reply) => {
      const data = await persons.exportPerson({
        db: app.db,
        ctx: request.ctx,
        sealer: app.sealer,
        id: request.params.id,
      });
      return reply
        .header('content-disposition', `attachment; filename="nhan-khau-${request.params.id}.json"`)
        .send(data);
    },
  );

  app.post(
    '/households/:id/categories',
    {
      schema: {
        tags,
        summary: 'Ghi diện hộ trong một thời kỳ / Add a category over a period',
        params: HouseholdIdParams,
        body: AddHouseholdCategoryRequest,
        response: { 201: IdResponse, ...withUnavailable },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await service.addCategoryRecord({
          db: app.db,
          ctx: request.ctx,
          sealer: app.sealer,
          id: request.params.id,
          input: request.body,
        }),
      ),
  );

  app.post(
    '/household-categories-records/:id/end',
    {
      schema: {
        tags,
        summary: 'Kết thúc một diện hộ từ một ngày / End a category record',
        params: RecordIdParams,
        body: EndRecordRequest,
        response: { 200: EndCategoryResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.endCategoryRecord({
        db: app.db,
        ctx: request.ctx,
        id: request.params.id,
        date: request.body.date,
      }),
  );

  app.put(
    '/households/:id/cultural-family/:year',
    {
      schema: {
        tags,
        summary: 'Đăng ký, công nhận gia đình văn hóa trong năm / Cultural family of a year',
        params: CulturalFamilyParams,
        body: PutCulturalFamilyRequest,
        response: { 200: CulturalFamilyRecord, ...errorResponses },
      },
    },
    async (request) =>
      service.putCulturalFamily({
        db: app.db,
        ctx: request.ctx,
        id: request.params.id,
        year: request.params.year,
        input: request.body,
      }),
  );

  app.post(
    '/households/:id/consents',
    {
      schema: {
        tags,
        summary: 'Ghi sự đồng ý xử lý dữ liệu cá nhân / Record a consent',
        params: HouseholdIdParams,
        body: AddConsentRequest,
        response: { 201: IdResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await service.addConsent({
          db: app.db,
          ctx: request.ctx,
          id: request.params.id,
          input: request.body,
        }),
      ),
  );

  app.post(
    '/consents/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Rút sự đồng ý / Withdraw a consent',
        params: RecordIdParams,
        body: EndRecordRequest,
        response: { 200: WithdrawConsentResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.withdrawConsent({
        db: app.db,
        ctx: request.ctx,
        id: request.params.id,
        date: request.body.date,
      }),
  );

  app.get(
    '/duplicates',
    {
      schema: {
        tags,
        summary: 'Nhân khẩu nghi trùng trong một đơn vị / Possible duplicates in a unit',
        querystring: ListDuplicatesQuery,
        response: { 200: ListDuplicatesResponse, ...errorResponses },
      },
    },
    async (request) => service.listDuplicates({ db: app.db, ctx: request.ctx, query: request.query }),
  );

  app.post(
    '/duplicates/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Xác nhận trùng hoặc không trùng (không gộp) / Resolve a possible duplicate (never merged)',
        params: RecordIdParams,
        body: ResolveDuplicateRequest,
        response: { 200: ResolveDuplicateResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.resolveDuplicate({
        db: app.db,
        ctx: request.ctx,
        id: request.params.id,
        status: request.body.status,
      }),
  );
};
